#include "lexicon/model_cache.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexicon/model.h"

namespace dragoman {
namespace {

// Bump when the layout below or what the builder puts in a Model changes.
constexpr uint32_t kFormatVersion = 9;
constexpr char kMagic[8] = {'D', 'M', 'M', 'O', 'D', 'E', 'L', '\n'};
constexpr size_t kHeaderSize = 8 + 4 + 8 + 8 + 8;  // magic, version, key, length, checksum
constexpr size_t kKeepFiles = 8;

uint64_t Fmix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return true;
}

// Little-endian, length-prefixed encoding of the model's tables.
class Writer {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void I64(int64_t v) { Raw(&v, 8); }
  void F64(double v) { Raw(&v, 8); }  // bit-exact
  void Str(const std::string& s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Strs(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) Str(s);
  }
  template <typename C, typename F>
  void Seq(const C& c, F f) {
    U32(static_cast<uint32_t>(c.size()));
    for (const auto& x : c) f(x);
  }
  std::string& out() { return out_; }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}
  bool ok() const { return ok_; }
  bool done() const { return p_ == end_; }
  uint8_t U8() { return Fixed<uint8_t>(); }
  uint32_t U32() { return Fixed<uint32_t>(); }
  uint64_t U64() { return Fixed<uint64_t>(); }
  int64_t I64() { return Fixed<int64_t>(); }
  double F64() { return Fixed<double>(); }
  std::string Str() {
    uint32_t n = U32();
    if (!Have(n)) return {};
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  std::vector<std::string> Strs() {
    std::vector<std::string> v(Count());
    for (auto& s : v) s = Str();
    return v;
  }
  // An element count; each element takes at least one byte, so a count
  // larger than what is left is corruption (and no huge allocation).
  uint32_t Count() {
    uint32_t n = U32();
    if (!Have(n)) return 0;
    return n;
  }

 private:
  // A fixed-size value as written by Writer (host byte order; the cache key
  // includes the binary, so a file never crosses machines of another kind).
  template <typename T>
  T Fixed() {
    T v{};
    Raw(&v, sizeof v);
    return v;
  }
  bool Have(size_t n) {
    if (ok_ && static_cast<size_t>(end_ - p_) >= n) return true;
    ok_ = false;
    p_ = end_;
    return false;
  }
  void Raw(void* v, size_t n) {
    if (!Have(n)) return;
    std::memcpy(v, p_, n);
    p_ += n;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

// Maps with sorted keys: the file is the same whatever the hash order.
template <typename M>
std::vector<const typename M::value_type*> Sorted(const M& m) {
  std::vector<const typename M::value_type*> v;
  v.reserve(m.size());
  for (const auto& kv : m) v.push_back(&kv);
  std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->first < b->first; });
  return v;
}

}  // namespace

// Friend of Model: writes and reads its primary tables; Model::Index()
// rebuilds the derived ones after a successful read.
class ModelCodec {
 public:
  static void Encode(const Model& m, Writer* w);
  static bool Decode(Reader* r, Model* m);

 private:
  static void Patterns(const std::unordered_map<std::string, std::vector<VerbPattern>>& t, Writer* w);
  static void Patterns(Reader* r, std::unordered_map<std::string, std::vector<VerbPattern>>* t);
};

void ModelCodec::Patterns(const std::unordered_map<std::string, std::vector<VerbPattern>>& t, Writer* w) {
  auto sorted = Sorted(t);
  w->Seq(sorted, [&](auto* kv) {
    w->Str(kv->first);
    w->Seq(kv->second, [&](const VerbPattern& p) {
      w->Str(p.code);
      w->Str(p.reverse);
      w->Str(p.text);
      w->U8(p.has_target);
      w->U8(p.compound_subject);
      w->U8(p.before_adjacent);
      w->U8(p.compound_target);
      w->U8(p.swap);
      w->U8(p.dominant);
      w->I64(p.specificity);
      for (const auto* list : {&p.elems, &p.before}) {
        w->Seq(*list, [&](const PatternElem& e) {
          w->U8(e.type);
          w->U8(e.adjacent);
          w->Strs(e.forms);
          w->Seq(e.ids, [&](uint32_t id) { w->U32(id); });
        });
      }
    });
  });
}

void ModelCodec::Patterns(Reader* r, std::unordered_map<std::string, std::vector<VerbPattern>>* t) {
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    auto& list = (*t)[r->Str()];
    list.resize(r->Count());
    for (VerbPattern& p : list) {
      p.code = r->Str();
      p.reverse = r->Str();
      p.text = r->Str();
      p.has_target = r->U8() != 0;
      p.compound_subject = r->U8() != 0;
      p.before_adjacent = r->U8() != 0;
      p.compound_target = r->U8() != 0;
      p.swap = r->U8() != 0;
      p.dominant = r->U8() != 0;
      p.specificity = static_cast<int>(r->I64());
      for (auto* list : {&p.elems, &p.before}) {
        list->resize(r->Count());
        for (PatternElem& e : *list) {
          e.type = static_cast<PatternElem::Type>(r->U8());
          e.adjacent = r->U8() != 0;
          e.forms = r->Strs();
          e.ids.resize(r->Count());
          for (uint32_t& id : e.ids) id = r->U32();
        }
      }
      p.IndexWords();
    }
  }
}

void ModelCodec::Encode(const Model& m, Writer* w) {
  w->Seq(m.phrases_, [&](const Phrase& p) {
    w->Strs(p.tokens);
    w->Strs(p.exact);
    w->U8(static_cast<uint8_t>(p.kind));
    w->U32(p.index);
    w->U8(p.stem);
  });
  auto words = Sorted(m.word_ids_);
  w->Seq(words, [&](auto* kv) { w->Str(kv->first); w->U32(kv->second); });
  w->Seq(m.countries_, [&](const Country& c) {
    w->Str(c.code), w->Str(c.name), w->Str(c.capital);
    w->F64(c.lat), w->F64(c.lon), w->F64(c.cap_lat), w->F64(c.cap_lon);
  });
  w->Seq(m.orgs_, [&](const Org& o) {
    w->Str(o.code), w->Str(o.name), w->Str(o.type), w->Str(o.country), w->U8(o.stacks_roles);
    w->Strs(o.is), w->Strs(o.is_heads);
  });
  w->Seq(m.persons_, [&](const Person& p) {
    w->Str(p.name);
    w->U8(static_cast<uint8_t>(p.gender));
    w->Seq(p.roles, [&](const Role& r) {
      w->Str(r.code), w->Str(r.range.from), w->Str(r.range.to);
      w->U8(r.dated);
    });
  });
  w->Seq(m.agents_, [&](const Agent& a) { w->Str(a.code), w->Str(a.name), w->U8(a.prefix); });
  w->Seq(m.places_, [&](const Place& p) {
    w->Str(p.name), w->Str(p.country), w->Str(p.kind);
    w->F64(p.lat), w->F64(p.lon), w->I64(p.pop);
    w->U8(p.geonames);
  });
  const GazetteerInfo& g = m.gazetteer_;
  w->Str(g.path), w->Str(g.problem), w->U64(g.read), w->U64(g.kept), w->U64(g.names);
  auto cameo = Sorted(m.cameo_);
  w->Seq(cameo, [&](auto* kv) {
    const CameoCode& c = kv->second;
    w->Str(c.code), w->Str(c.name), w->Str(c.plover), w->Str(c.mode);
    w->F64(c.goldstein), w->I64(c.quad);
  });
  auto forms = Sorted(m.verb_forms_);
  w->Seq(forms, [&](auto* kv) {
    w->Str(kv->first);
    w->Seq(kv->second, [&](const VerbForm& f) { w->Str(f.lemma), w->U8(f.bits); });
  });
  Patterns(m.patterns_, w);
  Patterns(m.noun_patterns_, w);
  for (const auto* set : {&m.light_verbs_, &m.strong_verbs_}) {
    std::vector<std::string> v(set->begin(), set->end());
    std::sort(v.begin(), v.end());
    w->Strs(v);
  }
  w->U64(m.pattern_count_);
  w->Seq(m.patterns_per_root_, [&](const auto& kv) { w->Str(kv.first), w->U64(kv.second); });
  auto classes = Sorted(m.classes_);
  w->Seq(classes, [&](auto* kv) {
    std::vector<std::string> v(kv->second.begin(), kv->second.end());
    std::sort(v.begin(), v.end());
    w->Str(kv->first), w->Strs(v);
  });
  auto given = Sorted(m.given_);
  w->Seq(given, [&](auto* kv) { w->Str(kv->first), w->U8(static_cast<uint8_t>(kv->second)); });
  auto triggers = Sorted(m.count_triggers_);
  w->Seq(triggers, [&](auto* kv) {
    w->Str(kv->first);
    w->Seq(kv->second, [&](const CountTrigger& t) { w->Str(t.type), w->Str(t.object_class); });
  });
  auto nouns = Sorted(m.count_nouns_);
  w->Seq(nouns, [&](auto* kv) { w->Str(kv->first), w->Str(kv->second); });
  auto irregular = Sorted(m.irregular_);
  w->Seq(irregular, [&](auto* kv) {
    const Model::Irregular& i = kv->second;
    w->Str(kv->first), w->Str(i.past), w->Str(i.participle), w->Str(i.third), w->Str(i.gerund);
  });
}

bool ModelCodec::Decode(Reader* r, Model* m) {
  m->phrases_.resize(r->Count());
  for (Phrase& p : m->phrases_) {
    p.tokens = r->Strs();
    p.exact = r->Strs();
    p.kind = static_cast<PhraseKind>(r->U8());
    p.index = r->U32();
    p.stem = r->U8() != 0;
    if (p.tokens.empty()) return false;  // Index() reads tokens[0]
  }
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    std::string k = r->Str();
    m->word_ids_[k] = r->U32();
  }
  m->countries_.resize(r->Count());
  for (Country& c : m->countries_) {
    c.code = r->Str(), c.name = r->Str(), c.capital = r->Str();
    c.lat = r->F64(), c.lon = r->F64(), c.cap_lat = r->F64(), c.cap_lon = r->F64();
  }
  m->orgs_.resize(r->Count());
  for (Org& o : m->orgs_) {
    o.code = r->Str(), o.name = r->Str(), o.type = r->Str(), o.country = r->Str(), o.stacks_roles = r->U8() != 0;
    o.is = r->Strs(), o.is_heads = r->Strs();
  }
  m->persons_.resize(r->Count());
  for (Person& p : m->persons_) {
    p.name = r->Str();
    p.gender = static_cast<char>(r->U8());
    p.roles.resize(r->Count());
    for (Role& role : p.roles) {
      role.code = r->Str(), role.range.from = r->Str(), role.range.to = r->Str();
      role.dated = r->U8() != 0;
    }
  }
  m->agents_.resize(r->Count());
  for (Agent& a : m->agents_) a.code = r->Str(), a.name = r->Str(), a.prefix = r->U8() != 0;
  m->places_.resize(r->Count());
  for (Place& p : m->places_) {
    p.name = r->Str(), p.country = r->Str(), p.kind = r->Str();
    p.lat = r->F64(), p.lon = r->F64(), p.pop = r->I64();
    p.geonames = r->U8() != 0;
  }
  GazetteerInfo& g = m->gazetteer_;
  g.path = r->Str(), g.problem = r->Str(), g.read = r->U64(), g.kept = r->U64(), g.names = r->U64();
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    CameoCode c;
    c.code = r->Str(), c.name = r->Str(), c.plover = r->Str(), c.mode = r->Str();
    c.goldstein = r->F64(), c.quad = static_cast<int>(r->I64());
    std::string key = c.code;
    m->cameo_[key] = std::move(c);
  }
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    auto& forms = m->verb_forms_[r->Str()];
    forms.resize(r->Count());
    for (VerbForm& f : forms) f.lemma = r->Str(), f.bits = r->U8();
  }
  Patterns(r, &m->patterns_);
  Patterns(r, &m->noun_patterns_);
  for (auto* set : {&m->light_verbs_, &m->strong_verbs_}) {
    for (auto& s : r->Strs()) set->insert(std::move(s));
  }
  m->pattern_count_ = r->U64();
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    std::string k = r->Str();
    m->patterns_per_root_[k] = r->U64();
  }
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    auto& set = m->classes_[r->Str()];
    for (auto& s : r->Strs()) set.insert(std::move(s));
  }
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    std::string k = r->Str();
    m->given_[k] = static_cast<char>(r->U8());
  }
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    auto& list = m->count_triggers_[r->Str()];
    list.resize(r->Count());
    for (CountTrigger& t : list) t.type = r->Str(), t.object_class = r->Str();
  }
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    std::string k = r->Str();
    m->count_nouns_[k] = r->Str();
  }
  for (uint32_t n = r->Count(); n > 0 && r->ok(); --n) {
    std::string k = r->Str();
    Model::Irregular& i = m->irregular_[k];
    i.past = r->Str(), i.participle = r->Str(), i.third = r->Str(), i.gerund = r->Str();
  }
  if (!r->ok() || !r->done()) return false;
  // Indexes into the tables must stay inside them.
  for (const Phrase& p : m->phrases_) {
    size_t size = 0;
    switch (p.kind) {
      case PhraseKind::kCountry:
      case PhraseKind::kCountryAdj:
      case PhraseKind::kCountryPeople: size = m->countries_.size(); break;
      case PhraseKind::kOrg: size = m->orgs_.size(); break;
      case PhraseKind::kPerson: size = m->persons_.size(); break;
      case PhraseKind::kAgent: size = m->agents_.size(); break;
      case PhraseKind::kPlace: size = m->places_.size(); break;
      default: return false;
    }
    if (p.index >= size) return false;
  }
  m->Index();
  return true;
}

uint64_t Hash64(std::string_view s, uint64_t seed) {
  uint64_t h = seed ^ (s.size() * 0x9E3779B97F4A7C15ULL);
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h ^= Fmix(v + 0x9E3779B97F4A7C15ULL);
    h = (h << 27 | h >> 37) * 0x94D049BB133111EBULL + 0x52DCE729;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h ^= Fmix(tail ^ (n << 56));
  return Fmix(h);
}

void CacheKey::Add(std::string_view bytes) { h_ = Hash64(bytes, h_) ^ (h_ * 0x9E3779B97F4A7C15ULL); }

void CacheKey::AddOption(std::string_view name, std::string_view value) {
  Add("option");
  Add(name);
  Add(value);
}

void CacheKey::AddPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec)) {
      if (e.is_regular_file(ec)) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  std::string text;
  for (const std::string& f : files) {
    Add("file");
    Add(f);
    if (ReadWhole(f, &text)) Add(text);
    else Add("missing");
  }
}

std::string DefaultCacheDir() {
  const char* off = std::getenv("DRAGOMAN_CACHE");
  if (off && (std::string_view(off) == "off" || std::string_view(off) == "0")) return "";
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/dragoman";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/dragoman";
  return "";
}

std::string CachePath(const std::string& dir, uint64_t key) {
  char name[40];
  std::snprintf(name, sizeof name, "model-%016llx.bin", static_cast<unsigned long long>(key));
  return dir + "/" + name;
}

Result<std::unique_ptr<Model>> LoadCachedModel(const std::string& path, uint64_t key,
                                               std::vector<std::string>* warnings) {
  std::string data;
  if (!ReadWhole(path, &data)) return Status::NotFound(path + ": no cached model");
  if (data.size() < kHeaderSize || std::memcmp(data.data(), kMagic, 8) != 0)
    return Status::Corruption(path + ": not a model cache file");
  Reader h(std::string_view(data).substr(8, kHeaderSize - 8));
  uint32_t version = h.U32();
  uint64_t file_key = h.U64(), length = h.U64(), checksum = h.U64();
  if (version != kFormatVersion || file_key != key) return Status::Corruption(path + ": another version or key");
  std::string_view payload = std::string_view(data).substr(kHeaderSize);
  if (payload.size() != length || Hash64(payload) != checksum)
    return Status::Corruption(path + ": truncated or damaged");
  Reader r(payload);
  std::vector<std::string> saved = r.Strs();
  auto model = std::make_unique<Model>();
  if (!r.ok() || !ModelCodec::Decode(&r, model.get())) return Status::Corruption(path + ": cannot decode");
  if (warnings) warnings->insert(warnings->end(), saved.begin(), saved.end());
  return model;
}

Status SaveCachedModel(const Model& model, const std::vector<std::string>& warnings, uint64_t key,
                       const std::string& path) {
  namespace fs = std::filesystem;
  Writer w;
  w.Strs(warnings);
  ModelCodec::Encode(model, &w);
  const std::string& payload = w.out();
  Writer head;
  head.out().append(kMagic, 8);
  head.U32(kFormatVersion);
  head.U64(key);
  head.U64(payload.size());
  head.U64(Hash64(payload));
  std::error_code ec;
  fs::path dir = fs::path(path).parent_path();
  fs::create_directories(dir, ec);
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(head.out().data(), static_cast<std::streamsize>(head.out().size()));
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      return Status::IoError(tmp + ": cannot write");
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::IoError(path + ": cannot rename into place");
  }
  // Keep the few most recent models; older sources' models go.
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("model-", 0) == 0 && e.path().extension() == ".bin") {
      files.emplace_back(e.last_write_time(ec), e.path());
    }
  }
  if (files.size() > kKeepFiles) {
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = kKeepFiles; i < files.size(); ++i) {
      if (files[i].second != fs::path(path)) fs::remove(files[i].second, ec);
    }
  }
  return Status::Ok();
}

}  // namespace dragoman
