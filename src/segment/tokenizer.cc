#include "segment/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

namespace dragoman {
namespace {

// Mojibake: UTF-8 punctuation decoded as Windows-1252 and re-encoded.
struct Moji {
  const char* bytes;
  const char* as;  // the mark it stands for
};
constexpr Moji kMojibake[] = {
    {"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "\xE2\x80\x99"},  // â€™ -> ’
    {"\xC3\xA2\xE2\x82\xAC\xCB\x9C", "\xE2\x80\x98"},      // â€˜ -> ‘
    {"\xC3\xA2\xE2\x82\xAC\xC5\x93", "\xE2\x80\x9C"},      // â€œ -> “
    {"\xC3\xA2\xE2\x82\xAC\xC2\x9D", "\xE2\x80\x9D"},      // â€\x9d -> ”
    {"\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD", "\xE2\x80\x9D"},  // â€� -> ” (the byte lost)
    {"\xC3\xA2\xE2\x82\xAC\xE2\x80\x9D", "\xE2\x80\x94"},  // â€” -> —
    {"\xC3\xA2\xE2\x82\xAC\xE2\x80\x9C", "\xE2\x80\x93"},  // â€“ -> –
    {"\xC3\xA2\xE2\x82\xAC\xC2\xA6", "\xE2\x80\xA6"},      // â€¦ -> …
};

UChar32 Decode(std::string_view t, uint32_t i, uint32_t end, uint32_t* next) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), pos, static_cast<int32_t>(end), c);
  *next = static_cast<uint32_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

// Length of a mojibake mark starting at i, or 0.
size_t MojibakeAt(std::string_view t, uint32_t i, uint32_t end) {
  if (static_cast<unsigned char>(t[i]) != 0xC3 || i + 5 > end) return 0;
  for (const Moji& m : kMojibake) {
    size_t len = std::strlen(m.bytes);
    if (i + len <= end && t.compare(i, len, m.bytes) == 0) return len;
  }
  return 0;
}

}  // namespace

size_t MojibakeSpaceAt(std::string_view t, uint32_t i, uint32_t end) {
  // "Â" (C3 82) is the first half of a no-break space (C2 A0) read as
  // Windows-1252; the second half is often turned into a space, lost, or
  // replaced by U+FFFD. No word in any language ends in "Â", so one that a
  // space, the end or another such mark follows is a space.
  if (i + 2 > end || static_cast<unsigned char>(t[i]) != 0xC3 || static_cast<unsigned char>(t[i + 1]) != 0x82) return 0;
  uint32_t j = i + 2;
  if (j >= end) return 2;
  unsigned char b = static_cast<unsigned char>(t[j]);
  if (b == ' ' || b == '\t' || b == '\n' || b == '\r') return 2;
  if (j + 2 <= end && b == 0xC2 && static_cast<unsigned char>(t[j + 1]) == 0xA0) return 4;
  if (j + 3 <= end && t.compare(j, 3, "\xEF\xBF\xBD") == 0) return 5;
  if (j + 2 <= end && b == 0xC3 && static_cast<unsigned char>(t[j + 1]) == 0x82) return 2;
  return 0;
}

namespace {

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

// The clitic ("re", "ve", "ll", "d", "m") that forms a whole word at t[k],
// case-insensitively, or nullptr.
const char* ClitcAt(std::string_view t, uint32_t k, uint32_t end) {
  for (const char* cl : {"re", "ve", "ll", "d", "m"}) {
    uint32_t n = static_cast<uint32_t>(std::strlen(cl));
    if (k + n > end) continue;
    bool same = true;
    for (uint32_t q = 0; q < n && same; ++q) same = (t[k + q] | 0x20) == cl[q];
    if (same && (k + n >= end || !IsWordChar(static_cast<unsigned char>(t[k + n])))) return cl;
  }
  return nullptr;
}

bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

}  // namespace

const std::vector<std::string>& DefaultAbbreviations() {
  static const std::vector<std::string>* list = new std::vector<std::string>{
      "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "cpl.",
      "adm.", "cmdr.", "gov.", "sen.", "rep.", "rev.", "hon.", "pres.", "st.", "mt.", "ft.", "sr.",
      "jr.", "no.", "nos.", "vol.", "vs.", "v.", "etc.", "inc.", "ltd.", "co.", "corp.", "dept.",
      "univ.", "est.", "approx.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
      "sept.", "oct.", "nov.", "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thurs.", "fri.",
      "sat.", "sun.", "u.s.", "u.n.", "u.k.", "e.u.", "u.s.a.", "d.c.", "a.m.", "p.m.", "i.e.",
      "e.g.", "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.",
      "ind.", "kan.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.",
      "neb.", "nev.", "okla.", "ore.", "pa.", "tenn.", "tex.", "va.", "vt.", "wash.", "wis.",
      "wyo.", "shri.", "smt.", "insp.", "supt.", "dist.", "govt."};
  return *list;
}

Tokenizer::Tokenizer() {
  for (const auto& a : DefaultAbbreviations()) abbreviations_.insert(a);
}

Tokenizer::Tokenizer(std::unordered_set<std::string> abbreviations)
    : abbreviations_(std::move(abbreviations)) {}

bool Tokenizer::IsAbbreviation(std::string_view w) const {
  return abbreviations_.count(std::string(w)) > 0;
}

std::string ToLower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  uint32_t i = 0;
  const uint32_t n = static_cast<uint32_t>(s.size());
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    uint32_t next;
    UChar32 c = u_tolower(Decode(s, i, n, &next));
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
    if (!err) out.append(buf, static_cast<size_t>(len));
    i = next;
  }
  return out;
}

void Tokenizer::Tokenize(std::string_view t, uint32_t begin, uint32_t end,
                         std::vector<Token>* out) const {
  uint32_t i = begin;
  bool space = true;
  const size_t first_new = out->size();
  auto emit = [&](uint32_t b, uint32_t e, TokKind kind) -> Token& {
    Token& tok = out->emplace_back();
    tok.text = t.substr(b, e - b);
    tok.begin = b;
    tok.end = e;
    tok.kind = kind;
    tok.space_before = space;
    space = false;
    return tok;
  };
  auto quote = [&](uint32_t b, uint32_t e, UChar32 mark) {
    // Classify a quotation mark. Apostrophes between letters never get here.
    QuoteDir dir = QuoteDir::kEither;
    bool dbl = true;
    switch (mark) {
      case 0x201C: case 0x201E: case 0x00AB: dir = QuoteDir::kOpen; break;
      case 0x201D: case 0x00BB: dir = QuoteDir::kClose; break;
      case 0x2018: dir = QuoteDir::kOpen; dbl = false; break;
      case 0x2019: case '\'': dbl = false; dir = QuoteDir::kEither; break;
      default: break;
    }
    Token& tok = emit(b, e, TokKind::kQuote);
    tok.quote = dir;
    tok.double_quote = dbl;
    tok.lower.assign(1, dbl ? '"' : '\'');
  };
  while (i < end) {
    // Mojibake marks first: they start with 'â', a letter.
    if (static_cast<unsigned char>(t[i]) == 0xC3 && i + 5 <= end) {
      bool matched = false;
      for (const Moji& m : kMojibake) {
        size_t len = std::strlen(m.bytes);
        if (i + len <= end && t.compare(i, len, m.bytes) == 0) {
          uint32_t dummy;
          UChar32 mark = Decode(m.as, 0, static_cast<uint32_t>(std::strlen(m.as)), &dummy);
          uint32_t e = i + static_cast<uint32_t>(len);
          if (mark == 0x2019 && !out->empty() && !space && e < end && IsWordChar(static_cast<unsigned char>(t[e]))) {
            // apostrophe inside a word: "singhalâ€™s" -> clitic
            Token& tok = emit(i, e, TokKind::kWord);
            tok.lower = "'";
            // merge with a following "s" / "t" clitic below
            if (e < end && (t[e] == 's' || t[e] == 'S') && (e + 1 >= end || !IsWordChar(static_cast<unsigned char>(t[e + 1])))) {
              tok.end = e + 1;
              tok.text = t.substr(i, e + 1 - i);
              tok.lower = "'s";
              e += 1;
            }
          } else if (mark == 0x2014 || mark == 0x2013 || mark == 0x2026) {
            Token& tok = emit(i, e, TokKind::kPunct);
            tok.lower = mark == 0x2026 ? "..." : "-";
          } else {
            quote(i, e, mark);
          }
          i = e;
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    if (size_t n = MojibakeSpaceAt(t, i, end)) {
      space = true;
      i += static_cast<uint32_t>(n);
      continue;
    }
    uint32_t next;
    UChar32 c = Decode(t, i, end, &next);
    // An underscore joining two words ("Dol_Amroth", as coders write a
    // phrase of several words) separates them like a space.
    if (IsSpace(c) || (c == '_' && !space && i > 0 && next < end && IsWordChar(static_cast<unsigned char>(t[i - 1])) &&
                       IsWordChar(static_cast<unsigned char>(t[next])))) {
      space = true;
      i = next;
      continue;
    }
    if (IsWordChar(c)) {
      // A word or a number.
      uint32_t j = i;
      bool digits_only = true;
      bool has_digit = false;
      while (j < end) {
        if (j > i && (MojibakeAt(t, j, end) || MojibakeSpaceAt(t, j, end))) break;
        uint32_t nj;
        UChar32 d = Decode(t, j, end, &nj);
        if (IsWordChar(d)) {
          if (d < 0x80 && d >= '0' && d <= '9') has_digit = true; else digits_only = false;
          j = nj;
          continue;
        }
        // "1,200" "2.5": separator between digits inside a number
        if ((d == ',' || d == '.') && digits_only && has_digit && nj < end &&
            t[nj] >= '0' && t[nj] <= '9') {
          j = nj;
          continue;
        }
        // apostrophe inside a word: O'Brien, but not the clitics 's and n't
        if (IsApostrophe(d) && nj < end && IsWordChar(static_cast<unsigned char>(t[nj]))) {
          bool clitic_s = (t[nj] == 's' || t[nj] == 'S') &&
                          (nj + 1 >= end || !IsWordChar(static_cast<unsigned char>(t[nj + 1])));
          bool clitic_t = (t[nj] == 't' || t[nj] == 'T') && j > i &&
                          (t[j - 1] == 'n' || t[j - 1] == 'N') &&
                          (nj + 1 >= end || !IsWordChar(static_cast<unsigned char>(t[nj + 1])));
          bool other_clitic = !clitic_s && !clitic_t && ClitcAt(t, nj, end) != nullptr;  // 're 've 'll 'd 'm
          if (clitic_t) {
            // split "do|n't"
            uint32_t nstart = j - 1;
            if (nstart > i) {
              Token& w = emit(i, nstart, TokKind::kWord);
              w.lower = ToLower(w.text);
            }
            Token& neg = emit(nstart, nj + 1, TokKind::kWord);
            neg.lower = "n't";
            i = nj + 1;
            goto next_token;
          }
          if (!clitic_s && !other_clitic) {
            j = nj;
            continue;
          }
        }
        break;
      }
      {
        // Abbreviations and initials keep their period: "Dr." "U.S." "J."
        uint32_t e = j;
        if (e < end && t[e] == '.') {
          std::string low = ToLower(t.substr(i, e + 1 - i));
          bool single_letter = (e - i == 1) && !digits_only;
          if (IsAbbreviation(low) || single_letter) {
            e += 1;
            // U.S. / U.N. / D.C.: letter-period pairs
            while (e + 1 < end && IsWordChar(static_cast<unsigned char>(t[e])) && t[e + 1] == '.' &&
                   (e + 2 >= end || !IsWordChar(static_cast<unsigned char>(t[e + 2])))) {
              e += 2;
            }
          }
        }
        Token& w = emit(i, e, digits_only && has_digit ? TokKind::kNumber : TokKind::kWord);
        w.lower = ToLower(w.text);
        i = e;
      }
    next_token:
      continue;
    }
    if (IsApostrophe(c)) {
      // clitic after a word: 's, or a closing single quote
      if (!space && !out->empty() && next < end) {
        uint32_t k = next;
        std::string_view rest = t.substr(k, std::min<uint32_t>(2, end - k));
        auto word_end = [&](uint32_t p) { return p >= end || !IsWordChar(static_cast<unsigned char>(t[p])); };
        if (!rest.empty() && (rest[0] == 's' || rest[0] == 'S') && word_end(k + 1)) {
          Token& tok = emit(i, k + 1, TokKind::kWord);
          tok.lower = "'s";
          i = k + 1;
          continue;
        }
        if (const char* cl = ClitcAt(t, k, end)) {
          uint32_t n = static_cast<uint32_t>(std::strlen(cl));
          Token& tok = emit(i, k + n, TokKind::kWord);
          tok.lower = std::string("'") + cl;
          i = k + n;
          continue;
        }
      }
      quote(i, next, c);
      i = next;
      continue;
    }
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 || c == 0x00AB ||
        c == 0x00BB) {
      quote(i, next, c);
      i = next;
      continue;
    }
    {
      Token& p = emit(i, next, TokKind::kPunct);
      if (c == 0x2014 || c == 0x2013) p.lower.assign(1, '-');
      else p.lower = std::string(p.text);
      i = next;
    }
  }
  // Case flags.
  for (size_t k = first_new; k < out->size(); ++k) {
    Token& tok = (*out)[k];
    if (tok.kind != TokKind::kWord) continue;
    uint32_t n;
    UChar32 first = Decode(t, tok.begin, tok.end, &n);
    tok.cap = u_isupper(first);
    int letters = 0, upper = 0;
    uint32_t p = tok.begin;
    while (p < tok.end) {
      UChar32 d = Decode(t, p, tok.end, &n);
      if (u_isalpha(d)) {
        ++letters;
        if (u_isupper(d)) ++upper;
      }
      p = n;
    }
    tok.all_caps = letters >= 2 && upper == letters;
  }
}

}  // namespace dragoman
