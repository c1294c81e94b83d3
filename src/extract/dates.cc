#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "extract/extract.h"

namespace dragoman {
namespace {

// Month (1-12) and weekday (0 = Monday) names, looked up once per token.
const std::unordered_map<std::string, int>& CalendarWords() {
  static const auto* m = [] {
    auto* t = new std::unordered_map<std::string, int>;
    const char* months[] = {"january", "february", "march", "april", "may", "june", "july",
                            "august", "september", "october", "november", "december"};
    const char* shorts[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
      (*t)[months[i]] = i + 1;
      (*t)[shorts[i]] = i + 1;
      (*t)[std::string(shorts[i]) + "."] = i + 1;
    }
    (*t)["sept"] = (*t)["sept."] = 9;
    const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; ++d) (*t)[days[d]] = 100 + d;
    return t;
  }();
  return *m;
}

int MonthOf(const std::string& w) {
  if (w.size() < 3 || w.size() > 10) return 0;
  auto it = CalendarWords().find(w);
  return it == CalendarWords().end() || it->second >= 100 ? 0 : it->second;
}

int WeekdayOf(const std::string& w) {  // 0 = Monday
  if (w.size() < 6 || w.size() > 9) return -1;
  auto it = CalendarWords().find(w);
  return it == CalendarWords().end() || it->second < 100 ? -1 : it->second - 100;
}

// Days since 1970-01-01 for a civil date (H. Hinnant's algorithm).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe) + static_cast<int>(era * 400) + (*m <= 2);
}

std::string Iso(int y, int m, int d) {
  char buf[48];
  if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

bool IsDay(const Token& t, int* day) {
  if (t.kind != TokKind::kNumber && t.kind != TokKind::kWord) return false;
  std::string s = t.lower;
  for (const char* suf : {"st", "nd", "rd", "th"}) {
    if (s.size() > 2 && s.compare(s.size() - 2, 2, suf) == 0) { s.resize(s.size() - 2); break; }
  }
  if (s.empty() || s.size() > 2) return false;
  for (char c : s) if (c < '0' || c > '9') return false;
  *day = std::atoi(s.c_str());
  return *day >= 1 && *day <= 31;
}

bool IsYear(const Token& t, int* year) {
  if (t.kind != TokKind::kNumber || t.lower.size() != 4) return false;
  *year = std::atoi(t.lower.c_str());
  return *year >= 1900 && *year <= 2100;
}

}  // namespace

void ExtractDates(DocState* doc, Record* rec) {
  doc->dates.clear();
  doc->date_tokens.clear();
  int dy = 0, dm = 0, dd = 0;
  bool has_doc_date = doc->date.size() == 10 &&
                      std::sscanf(doc->date.c_str(), "%d-%d-%d", &dy, &dm, &dd) == 3;
  const auto& T = doc->tokens;
  const uint32_t n = static_cast<uint32_t>(T.size());
  auto emit = [&](uint32_t g0, uint32_t g1, const std::string& value) {
    DateMention d;
    d.span = {T[g0].begin, T[g1].end};
    d.text = std::string(doc->text.substr(d.span.begin, d.span.end - d.span.begin));
    d.value = value;
    doc->dates.push_back(d);
    doc->date_tokens.push_back(g0);
    rec->dates.push_back(std::move(d));
  };
  // A year for a month/day without one: the document's, moved back a year
  // when the date would fall after the document (news reports the past).
  auto infer_year = [&](int m, int d) {
    if (!has_doc_date) return 0;
    if (m > dm || (m == dm && d > dd + 1)) return dy - 1;
    return dy;
  };
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = T[i];
    if (t.kind != TokKind::kWord && t.kind != TokKind::kNumber) continue;
    int month = MonthOf(t.lower), day = 0, year = 0;
    // "may" is a month only before a day or year.
    if (month && (t.lower != "may" || t.cap)) {
      uint32_t j = i;
      if (i + 1 < n && IsDay(T[i + 1], &day)) {
        j = i + 1;
        if (j + 2 < n && T[j + 1].lower == "," && IsYear(T[j + 2], &year)) j += 2;
        else if (j + 1 < n && IsYear(T[j + 1], &year)) j += 1;
      } else if (i + 1 < n && IsYear(T[i + 1], &year)) {
        j = i + 1;
      } else if (i > 0 && IsDay(T[i - 1], &day) && T[i - 1].kind == TokKind::kNumber) {
        // "7 October 2023", "7 Oct"
        if (i + 1 < n && IsYear(T[i + 1], &year)) j = i + 1;
        if (!year) year = infer_year(month, day);
        if (year) emit(i - 1, j, Iso(year, month, day));
        i = j;
        continue;
      } else {
        if (t.cap && has_doc_date) {
          // "in January": the most recent such month
          year = month > dm ? dy - 1 : dy;
          emit(i, i, Iso(year, month, 0));
        }
        continue;
      }
      if (!year && day) year = infer_year(month, day);
      if (year) emit(i, j, Iso(year, month, day));
      i = j;
      continue;
    }
    int wd = WeekdayOf(t.lower);
    if (wd >= 0 && has_doc_date) {
      long today = DaysFromCivil(dy, dm, dd);
      int today_wd = static_cast<int>(((today % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
      int back = (today_wd - wd + 7) % 7;
      int y, m, d;
      CivilFromDays(today - back, &y, &m, &d);
      emit(i, i, Iso(y, m, d));
      continue;
    }
    if (has_doc_date && (t.lower == "yesterday" || t.lower == "today")) {
      int y, m, d;
      CivilFromDays(DaysFromCivil(dy, dm, dd) - (t.lower == "yesterday"), &y, &m, &d);
      emit(i, i, Iso(y, m, d));
      continue;
    }
    if (has_doc_date && (t.lower == "last" || t.lower == "this") && i + 1 < n) {
      const std::string& u = T[i + 1].lower;
      bool last = t.lower == "last";
      if (u == "month") {
        int m = dm - last, y = dy;
        if (m == 0) { m = 12; --y; }
        emit(i, i + 1, Iso(y, m, 0));
        ++i;
      } else if (u == "year") {
        emit(i, i + 1, Iso(dy - last, 0, 0));
        ++i;
      } else if (u == "week") {
        int y, m, d;
        CivilFromDays(DaysFromCivil(dy, dm, dd) - 7 * last, &y, &m, &d);
        emit(i, i + 1, Iso(y, m, d));
        ++i;
      }
      continue;
    }
    if (IsYear(t, &year) && i > 0 && (T[i - 1].lower == "in" || T[i - 1].lower == "since")) {
      emit(i, i, Iso(year, 0, 0));
    }
  }
}

}  // namespace dragoman
