#include "lexicon/model.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <sstream>

namespace dragoman {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ParseLatLon(const std::string& s, double* lat, double* lon) {
  size_t comma = s.find(',');
  if (comma == std::string::npos) return false;
  char* end = nullptr;
  *lat = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + comma) return false;
  const char* p = s.c_str() + comma + 1;
  *lon = std::strtod(p, &end);
  return end != p && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180;
}

// A display name: the first name without its exact-case mark `=` or the
// `*` of a stem.
std::string DisplayName(const std::string& n) {
  std::string out = !n.empty() && n[0] == '=' ? n.substr(1) : n;
  if (out.size() > 1 && out.back() == '*') out.pop_back();
  return out;
}

// "cancelled | canceled" (data files) or "took/taken" (WordNet merge).
std::vector<std::string> Alternatives(const std::string& v) {
  std::vector<std::string> out;
  for (auto& a : SplitTrim(v, "|")) {
    for (auto& b : SplitTrim(a, "/")) out.push_back(b);
  }
  return out;
}

int QuadOfRoot(int root) {
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

}  // namespace

std::string Person::CodeOn(std::string_view date) const {
  const Role* fallback = nullptr;
  for (const Role& r : roles) {
    if (!r.dated) {
      if (!fallback) fallback = &r;
      continue;
    }
    if (r.range.Contains(date)) return r.code;
  }
  if (fallback) return fallback->code;
  // No date known: the latest role is the best guess.
  return (date.empty() && !roles.empty()) ? roles.back().code : "";
}

const std::vector<uint32_t>* Model::PhrasesStartingWith(const std::string& first) const {
  auto it = phrase_index_.find(first);
  return it == phrase_index_.end() ? nullptr : &it->second;
}

const Country* Model::CountryByCode(std::string_view code) const {
  auto it = country_by_code_.find(std::string(code));
  return it == country_by_code_.end() ? nullptr : &countries_[it->second];
}

const std::vector<uint32_t>* Model::PlacesNamed(const std::string& lower_name) const {
  auto it = places_by_name_.find(lower_name);
  return it == places_by_name_.end() ? nullptr : &it->second;
}

uint32_t Model::BestPlace(uint32_t i, const std::string& country) const {
  const std::vector<uint32_t>* same = PlacesNamed(ToLower(places_[i].name));
  if (!same || same->size() < 2) return i;
  uint32_t best = i;
  auto score = [&](uint32_t p) {
    const Place& pl = places_[p];
    return std::make_pair(pl.country == country ? 1 : 0, pl.kind == "capital" ? (1LL << 40) : pl.pop);
  };
  for (uint32_t p : *same) {
    if (score(p) > score(best)) best = p;
  }
  return best;
}

const CameoCode* Model::Cameo(std::string_view code) const {
  auto it = cameo_.find(std::string(code));
  return it == cameo_.end() ? nullptr : &it->second;
}

const std::vector<VerbForm>* Model::VerbForms(const std::string& lower) const {
  auto it = verb_forms_.find(lower);
  return it == verb_forms_.end() ? nullptr : &it->second;
}

const std::vector<VerbPattern>* Model::NounPatterns(const std::string& lower) const {
  auto it = noun_patterns_.find(lower);
  return it == noun_patterns_.end() ? nullptr : &it->second;
}

const std::vector<VerbPattern>* Model::Patterns(const std::string& lemma) const {
  auto it = patterns_.find(lemma);
  return it == patterns_.end() ? nullptr : &it->second;
}

const Model::PatternIndex* Model::PatternIndexFor(const std::string& lemma) const {
  auto it = pattern_index_.find(lemma);
  return it == pattern_index_.end() ? nullptr : &it->second;
}

bool Model::InClass(const std::string& cls, const std::string& lower) const {
  auto it = classes_.find(cls);
  return it != classes_.end() && it->second.count(lower) > 0;
}

char Model::GenderOfGivenName(const std::string& lower) const {
  auto it = given_.find(lower);
  return it == given_.end() ? 0 : it->second;
}

const std::vector<CountTrigger>* Model::CountTriggers(const std::string& lemma) const {
  auto it = count_triggers_.find(lemma);
  return it == count_triggers_.end() ? nullptr : &it->second;
}

const std::string* Model::CountNoun(const std::string& lower) const {
  auto it = count_nouns_.find(lower);
  return it == count_nouns_.end() ? nullptr : &it->second;
}

std::string Model::Plural(const std::string& w) {
  if (w.empty()) return w;
  auto ends = [&](const char* s) {
    size_t n = std::char_traits<char>::length(s);
    return w.size() >= n && w.compare(w.size() - n, n, s) == 0;
  };
  if (ends("man")) return w.substr(0, w.size() - 3) + "men";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return w + "es";
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  return w + "s";
}

std::vector<std::string> Model::Inflect(const std::string& w, uint8_t bits) const {
  std::vector<std::string> out;
  if (w.empty()) return out;
  auto irr = irregular_.find(w);
  const Irregular* ir = irr == irregular_.end() ? nullptr : &irr->second;
  size_t n = w.size();
  bool cons_y = n > 1 && w.back() == 'y' && !IsVowel(w[n - 2]);
  bool cvc = n >= 3 && !IsVowel(w[n - 1]) && IsVowel(w[n - 2]) && !IsVowel(w[n - 3]) &&
             w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' && n <= 4;
  if (bits & kBase) out.push_back(w);
  if (bits & kThird) {
    if (ir && !ir->third.empty()) {
      for (auto& f : Alternatives(ir->third)) out.push_back(f);
    }
    else if (cons_y) out.push_back(w.substr(0, n - 1) + "ies");
    else if (w.back() == 's' || w.back() == 'x' || w.back() == 'z' || w.back() == 'o' ||
             (n > 1 && (w.compare(n - 2, 2, "ch") == 0 || w.compare(n - 2, 2, "sh") == 0)))
      out.push_back(w + "es");
    else out.push_back(w + "s");
  }
  std::string ed = w.back() == 'e' ? w + "d" : cons_y ? w.substr(0, n - 1) + "ied" : w + "ed";
  if (bits & kPast) {
    if (ir && !ir->past.empty()) {
      for (auto& f : Alternatives(ir->past)) out.push_back(f);
    } else {
      out.push_back(ed);
      if (cvc) out.push_back(w + w.back() + "ed");
    }
  }
  if (bits & kParticiple) {
    if (ir && !ir->participle.empty()) {
      for (auto& f : Alternatives(ir->participle)) out.push_back(f);
    } else {
      out.push_back(ed);
      if (cvc) out.push_back(w + w.back() + "ed");
    }
  }
  if (bits & kGerund) {
    if (ir && !ir->gerund.empty()) {
      for (auto& f : Alternatives(ir->gerund)) out.push_back(f);
    }
    else if (n > 2 && w.compare(n - 2, 2, "ie") == 0) out.push_back(w.substr(0, n - 2) + "ying");
    else if (w.back() == 'e' && n > 2 && w[n - 2] != 'e' && w[n - 2] != 'y' && w[n - 2] != 'o')
      out.push_back(w.substr(0, n - 1) + "ing");
    else {
      out.push_back(w + "ing");
      if (cvc) out.push_back(w + w.back() + "ing");
    }
  }
  return out;
}

ModelBuilder::ModelBuilder() : m_(std::make_unique<Model>()) {}

void ModelBuilder::AddPhrase(const std::string& raw, PhraseKind kind, uint32_t index) {
  bool exact = !raw.empty() && raw[0] == '=';
  std::string name = exact ? raw.substr(1) : raw;
  bool stem = name.size() > 1 && name.back() == '*';
  if (stem) name.pop_back();
  std::vector<Token> toks;
  m_->tokenizer_.Tokenize(name, 0, static_cast<uint32_t>(name.size()), &toks);
  if (toks.empty()) return;
  Phrase p;
  p.kind = kind;
  p.index = index;
  p.stem = stem;
  for (const Token& t : toks) {
    p.tokens.push_back(t.lower);
    if (exact) p.exact.emplace_back(t.text);
  }
  m_->phrases_.push_back(std::move(p));
}

void ModelBuilder::AddVerbLemma(const std::string& lemma, uint8_t allowed) {
  for (uint8_t b : {kBase, kThird, kPast, kParticiple, kGerund}) {
    if (!(allowed & b)) continue;
    for (const std::string& f : m_->Inflect(lemma, b)) {
      auto& forms = m_->verb_forms_[f];
      auto it = std::find_if(forms.begin(), forms.end(), [&](const VerbForm& v) { return v.lemma == lemma; });
      if (it == forms.end()) forms.push_back({lemma, b});
      else it->bits |= b;
    }
  }
}

void ModelBuilder::Add(const std::vector<Entry>& entries, std::vector<std::string>* warnings) {
  auto warn = [&](const Entry& e, const std::string& msg) {
    if (warnings) warnings->push_back(e.file + ":" + std::to_string(e.line) + ": " + msg);
  };
  Model& m = *m_;
  for (const Entry& e : entries) {
    if (e.kind == "country") {
      if (e.key.size() != 3) { warn(e, "country key must be an ISO alpha-3 code"); continue; }
      Country c;
      c.code = e.key;
      c.name = e.names.empty() ? e.key : DisplayName(e.names[0]);
      std::string at = e.Get("at");
      if (!at.empty() && !ParseLatLon(at, &c.lat, &c.lon)) warn(e, "bad at=LAT,LON");
      std::string cap = e.Get("capital");
      if (!cap.empty()) {
        size_t atpos = cap.find('@');
        c.capital = std::string(Trim(cap.substr(0, atpos)));
        if (atpos != std::string::npos && !ParseLatLon(cap.substr(atpos + 1), &c.cap_lat, &c.cap_lon))
          warn(e, "bad capital=NAME@LAT,LON");
      }
      uint32_t idx = static_cast<uint32_t>(m.countries_.size());
      if (m.country_by_code_.count(c.code)) { warn(e, "duplicate country " + c.code); continue; }
      m.country_by_code_[c.code] = idx;
      m.countries_.push_back(c);
      for (const auto& n : e.names) AddPhrase(n, PhraseKind::kCountry, idx);
      for (const auto& n : e.GetAll("adj")) AddPhrase(n, PhraseKind::kCountryAdj, idx);
      for (const auto& n : e.GetAll("people")) AddPhrase(n, PhraseKind::kCountryPeople, idx);
      if (!c.capital.empty()) {
        Place p{c.capital, c.code, "capital", c.cap_lat, c.cap_lon, 0};
        uint32_t pidx = static_cast<uint32_t>(m.places_.size());
        m.places_.push_back(p);
        AddPhrase(c.capital, PhraseKind::kPlace, pidx);
      }
    } else if (e.kind == "org") {
      if (e.key.empty() || e.names.empty()) { warn(e, "org needs a code and a name"); continue; }
      Org o{e.key, DisplayName(e.names[0]), e.Get("type"), e.Get("country"), e.Get("roles") == "stack", e.GetAll("is"), {}};
      for (const std::string& noun : o.is) {
        std::string n = ToLower(noun);
        size_t sp = n.rfind(' ');
        o.is_heads.push_back(sp == std::string::npos ? n : n.substr(sp + 1));
      }
      if (o.country.empty() && e.key.size() >= 3) {
        std::string cc = e.key.substr(0, 3);
        if (m.country_by_code_.count(cc)) o.country = cc;
      }
      uint32_t idx = static_cast<uint32_t>(m.orgs_.size());
      m.orgs_.push_back(o);
      for (const auto& n : e.names) AddPhrase(n, PhraseKind::kOrg, idx);
    } else if (e.kind == "person") {
      if (e.names.empty()) { warn(e, "person needs a name"); continue; }
      Person p;
      p.name = DisplayName(e.names[0]);
      std::string g = e.Get("gender");
      p.gender = g.empty() ? 0 : g[0];
      bool ok = true;
      for (const auto& [k, v] : e.fields) {
        if (k != "role") continue;
        Role r;
        std::string_view sv(v);
        size_t sp = sv.find(' ');
        r.code = std::string(sv.substr(0, sp));
        if (sp != std::string_view::npos) {
          std::string err;
          if (!ParseDateRange(sv.substr(sp + 1), &r.range, &err)) { warn(e, err); ok = false; break; }
          r.dated = true;
        }
        p.roles.push_back(r);
      }
      if (!ok) continue;
      uint32_t idx = static_cast<uint32_t>(m.persons_.size());
      m.persons_.push_back(p);
      for (const auto& n : e.names) AddPhrase(n, PhraseKind::kPerson, idx);
    } else if (e.kind == "agent") {
      if (e.key.empty() || e.names.empty()) { warn(e, "agent needs a role code and words"); continue; }
      uint32_t idx = static_cast<uint32_t>(m.agents_.size());
      m.agents_.push_back({e.key, DisplayName(e.names[0]), e.Get("order") == "prefix"});
      for (const auto& n : e.names) AddPhrase(n, PhraseKind::kAgent, idx);
    } else if (e.kind == "place") {
      if (e.names.empty()) { warn(e, "place needs a name"); continue; }
      Place p;
      p.name = DisplayName(e.names[0]);
      p.country = e.Get("country");
      p.kind = e.Get("kind");
      std::string at = e.Get("at");
      if (!at.empty() && !ParseLatLon(at, &p.lat, &p.lon)) warn(e, "bad at=LAT,LON");
      p.pop = std::atoll(e.Get("pop").c_str());
      uint32_t idx = static_cast<uint32_t>(m.places_.size());
      m.places_.push_back(p);
      for (const auto& n : e.names) AddPhrase(n, PhraseKind::kPlace, idx);
    } else if (e.kind == "code") {
      CameoCode c;
      c.code = e.key;
      c.name = e.names.empty() ? "" : e.names[0];
      c.goldstein = std::atof(e.Get("goldstein").c_str());
      c.plover = e.Get("plover");
      if (c.plover == "NONE") c.plover.clear();
      c.mode = e.Get("mode");
      c.quad = c.code.size() >= 2 ? QuadOfRoot(std::atoi(c.code.substr(0, 2).c_str())) : 0;
      if (c.code.size() < 2 || c.code.size() > 4) { warn(e, "CAMEO code must have 2-4 digits"); continue; }
      m.cameo_[c.code] = c;
    } else if (e.kind == "class") {
      auto& set = m.classes_[e.key];
      for (const auto& n : e.names) {
        std::string low = ToLower(n);
        set.insert(low);
        if (low.size() > 1 && low.back() == '~') {  // TABARI's prefix member ("yen~"): Model::PrefixWord
          std::string stem = low.substr(0, low.size() - 1);
          set.insert(stem);
          set.insert(Model::Plural(stem));
          continue;
        }
        set.insert(Model::Plural(low));
      }
    } else if (e.kind == "irregular") {
      Model::Irregular ir{e.Get("past"), e.Get("participle"), e.Get("third"), e.Get("gerund")};
      if (ir.participle.empty()) ir.participle = ir.past;
      m.irregular_[e.key] = ir;
    } else if (e.kind == "given") {
      std::string g = e.Get("gender");
      for (const auto& n : e.names) m.given_[ToLower(n)] = g.empty() ? 0 : g[0];
    } else if (e.kind == "strong") {
      for (const auto& n : e.names) m.strong_verbs_.insert(ToLower(n));
    } else if (e.kind == "light") {
      for (const auto& n : e.names) {
        m.light_verbs_.insert(ToLower(n));
        AddVerbLemma(ToLower(n));
      }
    } else if (e.kind == "verb" || e.kind == "count" || e.kind == "noun") {
      verbs_.push_back(e);
    } else {
      warn(e, "unknown kind '" + e.kind + "'");
    }
  }
}

Status ModelBuilder::AddWordNet(const std::string& dir) {
  auto tag_counts = [](const std::string& path, std::unordered_map<std::string, int>* out) -> bool {
    std::ifstream in(path);
    if (!in) return false;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      std::istringstream ss(line);
      std::string lemma, pos;
      int synsets = 0, pointers = 0;
      ss >> lemma >> pos >> synsets >> pointers;
      std::string skip;
      for (int i = 0; i < pointers; ++i) ss >> skip;
      int senses = 0, tagged = 0;
      ss >> senses >> tagged;
      if (lemma.find('_') != std::string::npos) continue;
      (*out)[lemma] = tagged + 1;
    }
    return true;
  };
  std::unordered_map<std::string, int> verbs, nouns;
  if (!tag_counts(dir + "/index.verb", &verbs)) return Status::NotFound(dir + "/index.verb: cannot open");
  tag_counts(dir + "/index.noun", &nouns);
  // Irregular forms: "took take".
  std::ifstream exc(dir + "/verb.exc");
  std::string line;
  std::unordered_set<std::string> strong_only;  // bases whose past WordNet alone gives
  while (std::getline(exc, line)) {
    std::istringstream ss(line);
    std::string form, base;
    ss >> form >> base;
    if (form.empty() || base.empty() || form.find('_') != std::string::npos) continue;
    auto& ir = m_->irregular_[base];
    bool ing = form.size() > 3 && form.compare(form.size() - 3, 3, "ing") == 0;
    if (ing) {
      if (ir.gerund.empty()) ir.gerund = form;
      else if (ir.gerund.find(form) == std::string::npos) ir.gerund += "|" + form;
    } else if (!(form.size() > 1 && form.back() == 's' && form.size() == base.size() + 1)) {
      // keep data/irregular.txt's word when it has one
      if (ir.past.empty()) {
        ir.past = form;
        strong_only.insert(base);
      }
      else if (ir.past.find(form) == std::string::npos) ir.past += "/" + form;
      if (ir.participle.empty()) ir.participle = form;
      else if (ir.participle.find(form) == std::string::npos) ir.participle += "/" + form;
    }
  }
  // verb.exc keeps old strong forms of e-final verbs ("chid", "throve",
  // "strove") that today mostly take -d: "chided" must stay a form of "chide".
  // So do the -t pasts of verbs in l, m, n ("burnt", "learnt", "spelt"):
  // "burned" stays a form of "burn".
  for (const std::string& base : strong_only) {
    size_t n = base.size();
    auto& ir = m_->irregular_[base];
    char last = n ? base.back() : 0;
    bool t_past = n >= 4 && (last == 'l' || last == 'm' || last == 'n') &&
                  (ir.past == base + "t" || (base[n - 2] == 'l' && ir.past == base.substr(0, n - 1) + "t"));
    if (!t_past && (n < 4 || base.back() != 'e' || base[n - 2] == 'e')) continue;
    std::string regular = base + (t_past ? "ed" : "d");
    if (ir.past.find(regular) == std::string::npos) ir.past += "/" + regular;
    if (ir.participle.find(regular) == std::string::npos) ir.participle += "/" + regular;
  }
  for (const auto& [lemma, vcount] : verbs) {
    auto n = nouns.find(lemma);
    bool noun_mostly = n != nouns.end() && n->second > vcount;
    wordnet_verbs_.emplace_back(lemma, noun_mostly ? uint8_t(kPast | kParticiple | kGerund) : uint8_t(0xFF));
  }
  return Status::Ok();
}

void ModelBuilder::AddGazetteer(const std::string& path, std::vector<GazetteerCity> cities, WordNetNames wordnet,
                                std::function<bool(const std::string&)> is_function_word, GazetteerPolicy policy) {
  m_->gazetteer_ = GazetteerInfo{path, "", cities.size(), 0, 0};
  gazetteer_ = std::make_unique<PendingGazetteer>(
      PendingGazetteer{std::move(cities), std::move(wordnet), std::move(is_function_word), policy});
}

void ModelBuilder::NoteGazetteer(const std::string& path, const std::string& problem) {
  m_->gazetteer_ = GazetteerInfo{path, problem, 0, 0, 0};
  gazetteer_.reset();
}

void ModelBuilder::CompileGazetteer() {
  Model& m = *m_;
  const PendingGazetteer& g = *gazetteer_;
  const GazetteerPolicy& policy = g.policy;
  // Every name our dictionaries give, as the matcher sees it, and the words
  // of people's names.
  auto key_of = [](const std::vector<std::string>& tokens) {
    std::string key;
    for (const std::string& t : tokens) key += t + ' ';
    return key;
  };
  std::unordered_set<std::string> taken, person_words;
  for (const Phrase& p : m.phrases_) {
    taken.insert(key_of(p.tokens));
    if (p.kind == PhraseKind::kPerson) person_words.insert(p.tokens.begin(), p.tokens.end());
  }
  auto common = [&](const std::string& w) {
    if (g.wordnet.common.count(w) || m.verb_forms_.count(w) || g.is_function_word(w)) return true;
    // Plurals of common nouns: "Shields", "Wells", "Cities".
    size_t n = w.size();
    if (n > 3 && w[n - 1] == 's') {
      if (g.wordnet.common.count(w.substr(0, n - 1))) return true;
      if (w[n - 2] == 'e' && g.wordnet.common.count(w.substr(0, n - 2))) return true;
      if (n > 4 && w.compare(n - 3, 3, "ies") == 0 && g.wordnet.common.count(w.substr(0, n - 3) + "y")) return true;
    }
    return false;
  };
  auto letters = [](const std::string& w) {
    size_t k = 0;
    for (unsigned char c : w) k += (c & 0xC0) != 0x80;
    return k;
  };
  // Whether a name (lower-case word tokens) may name a city of `pop` people.
  auto acceptable = [&](const std::vector<Token>& toks, long long pop) {
    std::vector<std::string> words;
    for (const Token& t : toks) {
      if (t.kind == TokKind::kWord) words.push_back(t.lower);
    }
    if (words.empty()) return false;
    if (toks.size() == 1) {
      const std::string& w = words[0];
      if (letters(w) < policy.min_letters || g.is_function_word(w)) return false;
      if (m.given_.count(w) || person_words.count(w)) return false;
      if (common(w) && pop < policy.common_word_population) return false;
      if (g.wordnet.persons.count(w) && (!g.wordnet.locations.count(w) || pop < policy.person_name_population))
        return false;
      // WordNet's "Asia" is the continent and its "Sava" the river, not these towns.
      if (g.wordnet.proper.count(w) && pop < policy.known_name_population) return false;
      return true;
    }
    bool all_common = true;
    for (const std::string& w : words) all_common = all_common && common(w);
    return !all_common || pop >= policy.common_phrase_population;
  };
  // The most populous first: a shared name points to the largest city.
  std::vector<uint32_t> order(g.cities.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return g.cities[a].pop > g.cities[b].pop; });
  std::unordered_set<std::string> added;  // names as written
  std::vector<Token> toks;
  for (uint32_t ci : order) {
    const GazetteerCity& c = g.cities[ci];
    const bool capital = c.feature == "PPLC";
    if ((c.pop < policy.min_population && !capital) || !m.country_by_code_.count(c.country)) continue;
    std::vector<std::string> names;
    for (const std::string* v : {&c.name, &c.ascii}) {
      if (v->empty()) continue;
      toks.clear();
      m.tokenizer_.Tokenize(*v, 0, static_cast<uint32_t>(v->size()), &toks);
      if (toks.empty()) continue;
      std::vector<std::string> lower;
      for (const Token& t : toks) lower.emplace_back(t.lower);
      if (taken.count(key_of(lower)) || !acceptable(toks, c.pop)) continue;  // data/ wins
      names.push_back(*v);
    }
    if (names.empty()) continue;
    uint32_t idx = static_cast<uint32_t>(m.places_.size());
    m.places_.push_back(Place{c.name, c.country, capital ? "capital" : "city", c.lat, c.lon, c.pop, true});
    ++m.gazetteer_.kept;
    for (const std::string& v : names) {
      // As written, and in capitals for datelines ("HEBRON, West Bank").
      std::string caps;
      bool ascii = true, has_lower = false;
      for (char ch : v) {
        ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
        has_lower = has_lower || (ch >= 'a' && ch <= 'z');
        caps += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
      }
      const bool with_caps = ascii && has_lower && letters(v) >= policy.caps_min_letters;
      for (const std::string* form : {&v, with_caps ? &caps : static_cast<const std::string*>(nullptr)}) {
        if (!form || !added.insert(*form).second) continue;
        AddPhrase("=" + *form, PhraseKind::kPlace, idx);
        ++m.gazetteer_.names;
      }
    }
  }
  gazetteer_.reset();
}

void Model::Index() {
  pattern_index_.clear();
  for (const auto& [lemma, list] : patterns_) {
    PatternIndex& index = pattern_index_[lemma];
    for (uint32_t i = 0; i < list.size(); ++i) {
      const VerbPattern& p = list[i];
      index.words_before |= !p.before.empty();
      if (p.word_elem_count == 0) {
        index.no_word.push_back(i);
        continue;
      }
      for (uint32_t id : p.elems[p.word_elems[0]].ids) index.by_word[id].push_back(i);
    }
  }
  country_by_code_.clear();
  for (uint32_t i = 0; i < countries_.size(); ++i) country_by_code_.emplace(countries_[i].code, i);
  for (uint32_t i = 0; i < places_.size(); ++i) places_by_name_[ToLower(places_[i].name)].push_back(i);
  // Index phrases by first token, longest first (ties: file order).
  for (uint32_t i = 0; i < phrases_.size(); ++i) phrase_index_[phrases_[i].tokens[0]].push_back(i);
  for (auto& [first, list] : phrase_index_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].tokens.size() > phrases_[b].tokens.size();
    });
  }
  // One-token stems by their stem ("kuwait" for "Kuwaiti").
  stem_single_.clear();
  min_stem_ = 0;
  gapped_names_ = false;
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    const Phrase& p = phrases_[i];
    gapped_names_ |= std::find(p.tokens.begin(), p.tokens.end(), kNameGapToken) != p.tokens.end();
    if (!p.stem || p.tokens.size() != 1) continue;
    stem_single_[p.tokens[0]].push_back(i);
    if (min_stem_ == 0 || p.tokens[0].size() < min_stem_) min_stem_ = p.tokens[0].size();
  }
  // The combined lexicon: built last, it points into the finished tables.
  for (const auto& [first, list] : phrase_index_) {
    for (uint32_t id : list) {  // already longest first
      const Phrase& p = phrases_[id];
      if (p.tokens.size() == 1) phrase_single_[first].push_back(id);
      else phrase_index2_[first][p.tokens[1]].push_back(id);
    }
  }
  for (const auto& [w, list] : phrase_index_) lexicon_[w].phrases = &list;
  for (const auto& [w, map] : phrase_index2_) lexicon_[w].by_second = &map;
  for (const auto& [w, list] : phrase_single_) lexicon_[w].single = &list;
  for (const auto& [w, forms] : verb_forms_) lexicon_[w].forms = &forms;
  prefix_ids_.clear();
  min_prefix_ = max_prefix_ = 0;
  for (const auto& [w, id] : word_ids_) {
    if (w.size() > 1 && w.back() == '~') {  // a prefix pattern word: "revolution~"
      size_t n = w.size() - 1;
      prefix_ids_[w.substr(0, n)] = id;
      min_prefix_ = min_prefix_ ? std::min(min_prefix_, n) : n;
      max_prefix_ = std::max(max_prefix_, n);
      continue;
    }
    lexicon_[w].word = id;
  }
}

uint32_t Model::PrefixWord(std::string_view lower) const {
  if (!max_prefix_ || lower.size() <= min_prefix_) return 0;
  for (size_t n = std::min(max_prefix_, lower.size() - 1); n >= min_prefix_; --n) {
    auto it = prefix_ids_.find(std::string(lower.substr(0, n)));
    if (it != prefix_ids_.end()) return it->second;
  }
  return 0;
}

Result<std::unique_ptr<Model>> ModelBuilder::Build(std::vector<std::string>* warnings) {
  Model& m = *m_;
  bool after_verb = false;  // compile_elems is reading the words after the verb
  std::function<bool(const std::vector<std::string>&, size_t, VerbPattern*, const Entry&)> compile_elems =
      [&](const std::vector<std::string>& words, size_t from, VerbPattern* p, const Entry& e) -> bool {
    for (size_t k = from; k < words.size(); ++k) {
      // "new_&TIETYPES_relations": words joined by `_` stand next to each other.
      if (words[k].find('_') != std::string::npos && words[k].size() > 1) {
        std::vector<std::string> parts = SplitTrim(words[k], "_");
        size_t before = p->elems.size();
        if (!compile_elems(parts, 0, p, e)) return false;
        for (size_t i = before + 1; i < p->elems.size(); ++i) p->elems[i].adjacent = true;
        continue;
      }
      const std::string& w = words[k];
      PatternElem el;
      if (w == "+") {
        el.type = PatternElem::kTarget;
        p->has_target = true;
      } else if (w == "$") {
        continue;
      } else if (w == "^") {
        el.type = PatternElem::kSkip;
      } else if (w == "%" && after_verb) {
        // "has * with %": the coordinated actors there act on each other.
        el.type = PatternElem::kTarget;
        p->has_target = true;
        p->compound_target = true;
        ++p->specificity;
      } else if (w == "%") {
        p->compound_subject = true;
        ++p->specificity;
        continue;
      } else if (w[0] == '&') {
        el.type = PatternElem::kClass;
        std::string cls = w.substr(1);
        auto it = m.classes_.find(cls);
        if (it == m.classes_.end()) {
          if (warnings) warnings->push_back(e.file + ":" + std::to_string(e.line) + ": unknown class &" + cls);
          return false;
        }
        el.forms.assign(it->second.begin(), it->second.end());
        ++p->specificity;
      } else {
        el.type = PatternElem::kWord;
        std::string low = ToLower(w);
        if (low.size() > 1 && low[0] == '=') {
          el.forms = {low.substr(1)};  // "=resolution": only as written
        } else if (low.size() > 1 && low.back() == '~') {
          // "real~": the word and the words its common endings make of it
          // ("really", "neatest", "recently").
          std::string stem = low.substr(0, low.size() - 1);
          for (const char* end : {"", "s", "es", "ed", "er", "est", "ly", "ing", "y", "ness"}) el.forms.push_back(stem + end);
          // and, under its own id, any longer word (Model::PrefixWord)
          el.forms.push_back(low);
        } else {
          el.forms = m.Inflect(low, kBase | kThird | kPast | kParticiple);
          el.forms.push_back(Model::Plural(low));
        }
        ++p->specificity;
      }
      p->elems.push_back(std::move(el));
    }
    return true;
  };
  for (const Entry& e : verbs_) {
    if (e.kind == "count") {
      for (const auto& name : e.names) {
        std::vector<std::string> words = SplitTrim(name, " ");
        if (words.empty()) continue;
        CountTrigger t{e.key, words.size() > 1 && words[1][0] == '&' ? words[1].substr(1) : ""};
        m.count_triggers_[ToLower(words[0])].push_back(t);
        AddVerbLemma(ToLower(words[0]));
      }
      for (const auto& n : e.GetAll("nouns")) m.count_nouns_[ToLower(n)] = e.key;
      continue;
    }
    if (!m.cameo_.empty() && !m.cameo_.count(e.key)) {
      if (warnings) warnings->push_back(e.file + ":" + std::to_string(e.line) + ": unknown CAMEO code " + e.key);
      continue;
    }
    for (const auto& text : e.names) {
      std::vector<std::string> words = SplitTrim(text, " ");
      size_t head = std::find(words.begin(), words.end(), "*") - words.begin();
      head = head < words.size() ? head + 1 : 0;
      if (head >= words.size() || words[head] == "+" || words[head][0] == '&') {
        if (warnings) warnings->push_back(e.file + ":" + std::to_string(e.line) + ": pattern '" + text + "' must start with a verb");
        continue;
      }
      VerbPattern p;
      p.code = e.key;
      p.reverse = e.Get("reverse");
      p.dominant = e.Get("dominant") == "true";
      if (!p.reverse.empty() && !m.cameo_.empty() && !m.cameo_.count(p.reverse)) {
        if (warnings) warnings->push_back(e.file + ":" + std::to_string(e.line) + ": unknown CAMEO code " + p.reverse);
        p.reverse.clear();
      }
      p.text = text;
      // "did not * clash over": the words before `*` precede the head verb.
      size_t star = std::find(words.begin(), words.end(), "*") - words.begin();
      if (star < words.size()) {
        if (star == 0 || e.kind == "noun" || std::count(words.begin(), words.end(), "*") > 1) {
          if (warnings) warnings->push_back(e.file + ":" + std::to_string(e.line) + ": pattern '" + text + "': `*` must stand between words and the head verb");
          continue;
        }
        std::vector<std::string> pre(words.begin(), words.begin() + static_cast<long>(star));
        words.erase(words.begin(), words.begin() + static_cast<long>(star) + 1);
        // "+ * in $": the subject is the target, the `$` slot the source.
        // Otherwise a `+` among the words before the verb stays there: only
        // TABARI's reading reads it ("suggested + * should require").
        auto plus = std::find(pre.begin(), pre.end(), "+");
        if (plus != pre.end()) {
          bool source_slot = std::find(words.begin(), words.end(), "$") != words.end();
          if (source_slot && std::find(words.begin(), words.end(), "+") == words.end()) {
            pre.erase(plus);
            p.swap = true;
            std::replace(words.begin(), words.end(), std::string("$"), std::string("+"));
          }
        }
        // "recent~_ *": the word stands right before the verb.
        if (!pre.empty() && pre.back().size() > 1 && pre.back().back() == '_') {
          pre.back().pop_back();
          p.before_adjacent = true;
        }
        VerbPattern tmp;
        if (!compile_elems(pre, 0, &tmp, e)) continue;
        p.before = std::move(tmp.elems);
        // "$ *" (TABARI): the source stands before the verb; it ranks the
        // pattern above the bare verb, as a word would.
        p.specificity = tmp.specificity + static_cast<int>(std::count(pre.begin(), pre.end(), "$"));
        p.compound_subject = tmp.compound_subject;
      }
      after_verb = true;
      bool compiled = compile_elems(words, 1, &p, e);
      after_verb = false;
      if (!compiled) continue;
      std::string lemma = ToLower(words[0]);
      if (e.kind == "noun") {
        m.noun_patterns_[lemma].push_back(p);
        m.noun_patterns_[Model::Plural(lemma)].push_back(std::move(p));
      } else {
        AddVerbLemma(lemma);
        m.patterns_[lemma].push_back(std::move(p));
      }
      ++m.pattern_count_;
      ++m.patterns_per_root_[e.key.substr(0, 2)];
    }
  }
  // Pattern words as ids: matching compares integers, not strings.
  for (auto* table : {&m.patterns_, &m.noun_patterns_}) {
    for (auto& [lemma, list] : *table) {
      for (VerbPattern& p : list) {
        for (auto* list : {&p.elems, &p.before})
        for (PatternElem& el : *list) {
          for (const std::string& f : el.forms) {
            auto [it, fresh] = m.word_ids_.emplace(f, static_cast<uint32_t>(m.word_ids_.size() + 1));
            el.ids.push_back(it->second);
          }
          std::sort(el.ids.begin(), el.ids.end());
        }
        p.IndexWords();
      }
    }
  }

  for (auto* table : {&m.patterns_, &m.noun_patterns_})
  for (auto& [lemma, list] : *table) {
    // Longer first; of two as long, the one with more literal words ("*
    // DOLLAR" before "* &CURRENCY", as TABARI has it), then one with a target,
    // then the one whose words are longer ("* RESISTANCE TO THE INVADING"
    // before "* RESIST TO THE END", whose prefix "resist" matches
    // "resistance" too).
    auto literal = [](const VerbPattern& p) {
      int n = 0;
      for (const auto* list : {&p.elems, &p.before}) {
        for (const PatternElem& el : *list) n += el.type == PatternElem::kWord;
      }
      return n;
    };
    auto letters = [](const VerbPattern& p) {
      size_t n = 0;
      for (const auto* list : {&p.elems, &p.before}) {
        for (const PatternElem& el : *list) n += el.type == PatternElem::kWord && !el.forms.empty() ? el.forms[0].size() : 0;
      }
      return n;
    };
    std::stable_sort(list.begin(), list.end(), [&](const VerbPattern& a, const VerbPattern& b) {
      if (a.specificity != b.specificity) return a.specificity > b.specificity;
      int la = literal(a), lb = literal(b);
      if (la != lb) return la > lb;
      if (a.has_target != b.has_target) return a.has_target > b.has_target;
      return letters(a) > letters(b);
    });
  }
  // WordNet verbs, after the irregular forms are all known.
  std::sort(wordnet_verbs_.begin(), wordnet_verbs_.end());
  for (const auto& [lemma, bits] : wordnet_verbs_) AddVerbLemma(lemma, bits);
  wordnet_verbs_.clear();
  // A word that a dictionary lists as a verb of its own, coded alone ("left"
  // [032:033], TABARI's LEFT_), is read as that verb before it is read as a
  // form of another ("leave"): the dictionary spelled that form out on
  // purpose. (A compound verb's head, "called" of CALLED_ON, codes only with
  // its particle: it stays a form of "call".)
  for (auto& [form, readings] : m.verb_forms_) {
    auto self = std::find_if(readings.begin(), readings.end(), [&](const VerbForm& v) { return v.lemma == form; });
    if (self == readings.begin() || self == readings.end()) continue;
    auto pats = m.patterns_.find(form);
    if (pats == m.patterns_.end()) continue;
    bool alone = false;
    for (const VerbPattern& p : pats->second) alone |= p.elems.empty() && p.before.empty();
    if (alone) std::rotate(readings.begin(), self, self + 1);
  }
  // GeoNames cities, now that every other name and word is known.
  if (gazetteer_) CompileGazetteer();
  m.Index();
  verbs_.clear();
  return std::move(m_);
}

}  // namespace dragoman
