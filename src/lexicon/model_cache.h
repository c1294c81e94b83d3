// ModelCache: compiled models kept on disk, keyed by a hash of every source
// they were compiled from (dictionary files, WordNet, the gazetteer), the
// options that change compilation and the format version, so that a second
// start-up reads one file instead of compiling ~35 MB of sources.
//
//   CacheKey key;
//   key.AddOption("default-dict", "1");
//   key.AddPath(dir);                      // every file of a directory, or one file
//   std::string path = CachePath(dir, key.Digest());
//   auto m = LoadCachedModel(path, key.Digest(), &warnings);   // NotFound, Corruption...
//   if (!m.ok()) { ...build...; SaveCachedModel(*model, warnings, key.Digest(), path); }
//
// A file is a header (magic, version, key, payload length and checksum) and
// the payload; a file that is short, corrupt or for another key is reported
// as not usable and never crashes the reader. Files are written to a temporary
// name and renamed, so processes starting in parallel see a whole file or
// none. Thread-compatible functions; no global state.
#ifndef DRAGOMAN_LEXICON_MODEL_CACHE_H_
#define DRAGOMAN_LEXICON_MODEL_CACHE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/status.h"

namespace dragoman {

class Model;

// A 64-bit hash of bytes; not cryptographic, for keys and checksums.
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

class CacheKey {
 public:
  // Adds a name=value option that changes compilation.
  void AddOption(std::string_view name, std::string_view value);
  // Adds the content of a file, or of every regular file of a directory (by
  // name order), with their paths. A missing path is added as missing.
  void AddPath(const std::string& path);
  uint64_t Digest() const { return h_; }

 private:
  void Add(std::string_view bytes);
  uint64_t h_ = 0x6472676d6e63686bULL;
};

// The cache directory: $XDG_CACHE_HOME/dragoman, else $HOME/.cache/dragoman;
// empty when neither is set or $DRAGOMAN_CACHE is "off".
std::string DefaultCacheDir();
// The file of a key inside dir.
std::string CachePath(const std::string& dir, uint64_t key);

// Reads a model saved for `key`, with the warnings its compilation gave.
// NotFound when there is no file; Corruption when it cannot be used.
Result<std::unique_ptr<Model>> LoadCachedModel(const std::string& path, uint64_t key,
                                               std::vector<std::string>* warnings);
// Writes the model atomically (temporary file, then rename); keeps the
// directory to the few most recent files.
Status SaveCachedModel(const Model& model, const std::vector<std::string>& warnings, uint64_t key,
                       const std::string& path);

}  // namespace dragoman

#endif  // DRAGOMAN_LEXICON_MODEL_CACHE_H_
