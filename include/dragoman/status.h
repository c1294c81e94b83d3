// Status and Result<T>: how dragoman reports errors. No exceptions cross the
// library API. An OK Status is cheap (no allocation).
#ifndef DRAGOMAN_STATUS_H_
#define DRAGOMAN_STATUS_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace dragoman {

class [[nodiscard]] Status {
 public:
  enum class Code { kOk = 0, kInvalidArgument, kNotFound, kIoError, kCorruption };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }

  bool ok() const { return rep_ == nullptr; }
  Code code() const { return rep_ ? rep_->code : Code::kOk; }
  // The message, e.g. "data/actors.txt:12: missing ':' after kind and key".
  const std::string& message() const;

 private:
  struct Rep {
    Code code;
    std::string message;
  };
  Status(Code code, std::string msg) : rep_(std::make_shared<Rep>(Rep{code, std::move(msg)})) {}
  std::shared_ptr<const Rep> rep_;  // nullptr means OK
};

// A value or an error. REQUIRES: ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}   // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

#define DM_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::dragoman::Status dm_status_ = (expr);  \
    if (!dm_status_.ok()) return dm_status_; \
  } while (0)

}  // namespace dragoman

#endif  // DRAGOMAN_STATUS_H_
