// A whole file as a string ("" when it cannot be read), for tests and
// benchmarks. Free of GoogleTest so that bench/ can use it.
#ifndef DRAGOMAN_TESTS_READ_FILE_H_
#define DRAGOMAN_TESTS_READ_FILE_H_

#include <cstdio>
#include <string>

namespace dragoman::testing_util {

inline std::string ReadFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "";
  std::string s;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  return s;
}

}  // namespace dragoman::testing_util

#endif  // DRAGOMAN_TESTS_READ_FILE_H_
