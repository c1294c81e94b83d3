#include "write/writer.h"

#include <cmath>
#include <cstdio>

namespace dragoman {

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  block_.reserve(text.size() / 64 + 2);
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % 64 == 0) block_.push_back(cp);
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
  }
  block_.push_back(cp);
}

uint32_t OffsetMap::ToCodePoint(uint32_t byte) const {
  if (byte >= text_.size()) return block_.back();
  uint32_t b = byte / 64;
  uint32_t cp = block_[b];
  for (uint32_t i = b * 64; i < byte; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++cp;
  }
  return cp;
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (u < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out->append(buf);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

namespace {

class Json {
 public:
  Json(std::string* out, const OffsetMap* map) : out_(out), map_(map) {}
  void Key(const char* k) {
    Sep();
    AppendJsonString(k, out_);
    out_->push_back(':');
    first_ = true;
  }
  void Str(std::string_view v) { Sep(); AppendJsonString(v, out_); }
  void StrOrNull(std::string_view v) { if (v.empty()) Null(); else Str(v); }
  void Null() { Sep(); out_->append("null"); }
  void Int(long long v) { Sep(); out_->append(std::to_string(v)); }
  void Num(double v) {
    Sep();
    char buf[32];
    if (std::isfinite(v)) std::snprintf(buf, sizeof buf, "%.6g", v);
    else std::snprintf(buf, sizeof buf, "null");
    // keep one decimal for integral values ("-9.0") to read as a float
    std::string s(buf);
    if (s.find_first_of(".en") == std::string::npos) s += ".0";
    out_->append(s);
  }
  void Open(char c) { Sep(); out_->push_back(c); first_ = true; }
  void Close(char c) { out_->push_back(c); first_ = false; }
  void Offsets(const Span& s) {
    Key("begin"); Int(map_->ToCodePoint(s.begin));
    Key("end"); Int(map_->ToCodePoint(s.end));
  }

 private:
  void Sep() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }
  std::string* out_;
  const OffsetMap* map_;
  bool first_ = true;
};

void Actor(Json& j, const ActorMention& a) {
  if (!a.present()) { j.Null(); return; }
  j.Open('{');
  j.Key("text"); j.Str(a.text);
  j.Key("name"); j.StrOrNull(a.name);
  j.Key("code"); j.StrOrNull(a.code);
  j.Offsets(a.span);
  j.Close('}');
}

// The fields an entity mention and a pronoun share.
void EntityMention(Json& j, const Entity& e) {
  j.Key("text"); j.Str(e.text);
  j.Key("name"); j.Str(e.name);
  j.Key("entity"); j.Int(e.entity);
  j.Key("code"); j.StrOrNull(e.code);
  j.Offsets(e.span);
}

}  // namespace

void WriteJsonLine(const Document& doc, const Record& rec, std::string* out) {
  OffsetMap map(doc.text);
  Json j(out, &map);
  j.Open('{');
  j.Key("id"); j.Str(rec.id);
  j.Key("date"); j.StrOrNull(rec.date);
  j.Key("sentences"); j.Open('[');
  for (const Span& s : rec.sentences) { j.Open('{'); j.Offsets(s); j.Close('}'); }
  j.Close(']');
  j.Key("events"); j.Open('[');
  for (const Event& e : rec.events) {
    j.Open('{');
    j.Key("sentence"); j.Open('{'); j.Offsets(e.sentence); j.Close('}');
    j.Key("source"); Actor(j, e.source);
    j.Key("target"); Actor(j, e.target);
    j.Key("verb"); j.Open('{'); j.Key("text"); j.Str(e.verb_text); j.Offsets(e.verb); j.Close('}');
    j.Key("cameo"); j.Str(e.cameo);
    j.Key("cameo_name"); j.StrOrNull(e.cameo_name);
    j.Key("plover"); j.StrOrNull(e.plover);
    j.Key("plover_mode"); j.StrOrNull(e.plover_mode);
    j.Key("quad"); j.Int(e.quad);
    j.Key("goldstein"); j.Num(e.goldstein);
    j.Key("modality"); j.Str(ModalityName(e.modality));
    j.Key("location");
    if (e.location.span.empty()) {
      j.Null();
    } else {
      j.Open('{');
      j.Key("text"); j.Str(e.location.text);
      j.Key("name"); j.StrOrNull(e.location.name);
      j.Key("country"); j.StrOrNull(e.location.country);
      j.Key("lat"); if (e.location.has_coords) j.Num(e.location.lat); else j.Null();
      j.Key("lon"); if (e.location.has_coords) j.Num(e.location.lon); else j.Null();
      j.Offsets(e.location.span);
      j.Close('}');
    }
    j.Key("date"); j.StrOrNull(e.date);
    j.Key("rule"); j.Str(e.rule);
    j.Close('}');
  }
  j.Close(']');
  j.Key("entities"); j.Open('[');
  for (const Entity& e : rec.entities) {
    j.Open('{');
    j.Key("type"); j.Str(e.type);
    EntityMention(j, e);
    if (e.has_coords) {
      j.Key("country"); j.StrOrNull(e.country);
      j.Key("lat"); j.Num(e.lat);
      j.Key("lon"); j.Num(e.lon);
    }
    j.Close('}');
  }
  j.Close(']');
  j.Key("pronouns"); j.Open('[');
  for (const Entity& e : rec.pronouns) {
    j.Open('{');
    EntityMention(j, e);
    j.Close('}');
  }
  j.Close(']');
  j.Key("quotes"); j.Open('[');
  for (const Quote& q : rec.quotes) {
    j.Open('{');
    j.Key("text"); j.Str(q.text);
    j.Offsets(q.span);
    j.Key("speaker");
    if (q.speaker.present()) {
      j.Open('{');
      j.Key("text"); j.Str(q.speaker.text);
      j.Key("name"); j.StrOrNull(q.speaker.name);
      j.Key("code"); j.StrOrNull(q.speaker.code);
      j.Offsets(q.speaker.span);
      j.Close('}');
    } else {
      j.Null();
    }
    j.Close('}');
  }
  j.Close(']');
  j.Key("counts"); j.Open('[');
  for (const Count& c : rec.counts) {
    j.Open('{');
    j.Key("type"); j.Str(c.type);
    j.Key("number"); j.Int(c.number);
    j.Key("object"); j.StrOrNull(c.object);
    j.Key("qualifier"); j.StrOrNull(c.qualifier);
    j.Key("actor"); Actor(j, c.actor);
    j.Offsets(c.span);
    j.Close('}');
  }
  j.Close(']');
  j.Key("dates"); j.Open('[');
  for (const DateMention& d : rec.dates) {
    j.Open('{');
    j.Key("text"); j.Str(d.text);
    j.Key("value"); j.Str(d.value);
    j.Offsets(d.span);
    j.Close('}');
  }
  j.Close(']');
  j.Key("replaced_bytes"); j.Int(rec.replaced_bytes);
  j.Close('}');
  out->push_back('\n');
}

void WritePretty(const Document& doc, const Record& rec, std::string* out) {
  auto slice = [&](const Span& s) { return std::string_view(doc.text).substr(s.begin, s.end - s.begin); };
  auto actor = [](const ActorMention& a) {
    if (!a.present()) return std::string("-");
    std::string s = a.code.empty() ? "?" : a.code;
    s += " (" + (a.name.empty() ? a.text : a.name) + ")";
    return s;
  };
  out->append("== document " + rec.id + (rec.date.empty() ? "" : " (" + rec.date + ")") + ": " +
              std::to_string(rec.sentences.size()) + " sentences\n");
  out->append("\nEvents (" + std::to_string(rec.events.size()) + ")\n");
  for (const Event& e : rec.events) {
    out->append("  " + actor(e.source) + " -[" + e.cameo + " " + e.cameo_name + "]-> " + actor(e.target));
    if (!e.plover.empty()) out->append("  PLOVER " + e.plover + (e.plover_mode.empty() ? "" : "/" + e.plover_mode));
    char g[32];
    std::snprintf(g, sizeof g, "  Goldstein %.1f", e.goldstein);
    out->append(g);
    if (!e.location.span.empty()) out->append("  at " + e.location.name + " (" + e.location.country + ")");
    if (!e.date.empty()) out->append("  on " + e.date);
    if (e.modality != Modality::kAsserted) out->append(std::string("  [") + ModalityName(e.modality) + "]");
    out->append("\n      \"");
    out->append(slice(e.sentence));
    out->append("\"\n");
  }
  out->append("\nQuotations (" + std::to_string(rec.quotes.size()) + ")\n");
  for (const Quote& q : rec.quotes) {
    out->append("  " + (q.speaker.present() ? (q.speaker.name.empty() ? q.speaker.text : q.speaker.name) : std::string("(unknown)")) + ": \"" + q.text + "\"\n");
  }
  out->append("\nCounts (" + std::to_string(rec.counts.size()) + ")\n");
  for (const Count& c : rec.counts) {
    out->append("  " + c.type + " " + std::to_string(c.number) + (c.object.empty() ? "" : " " + c.object) + "   \"" + std::string(slice(c.span)) + "\"\n");
  }
  out->append("\nEntities\n");
  for (const char* type : {"PERSON", "ORG", "LOC"}) {
    out->append(std::string("  ") + type + ": ");
    std::vector<int> seen;
    bool first = true;
    for (const Entity& e : rec.entities) {
      if (e.type != type) continue;
      bool dup = false;
      for (int s : seen) dup |= s == e.entity;
      if (dup) continue;
      seen.push_back(e.entity);
      out->append(first ? "" : "; ");
      out->append(e.name);
      if (!e.code.empty() && e.type != "LOC") out->append(" [" + e.code + "]");
      first = false;
    }
    out->append("\n");
  }
  out->append("\n");
}

}  // namespace dragoman
