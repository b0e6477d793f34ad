#pragma once

#include <QString>

#include <expected>
#include <utility>

namespace assay {

// Why something failed, in words a user can read. Names ids and counts, never
// partner text or a secret: messages end up in logs and on screen.
struct Error
{
    QString message;
};

// The project's one error convention (models, sync, domain): a value, or the
// Error that says why there is none. std::expected does the work; this thin
// subclass exists only to make every Result [[nodiscard]] by its type, so a
// caller cannot drop a failure without saying so, and to let a function
// write `return Error{tr("...")};` or pass on another Result's error().
//
//     Result<Submission> s = store.submission(id);
//     if (!s)
//         return s.error();          // pass it on
//     use(*s);
//
// A caller that truly does not care says so: `std::ignore = cache.x();`.
template<typename T = void>
class [[nodiscard]] Result : public std::expected<T, Error>
{
    using Base = std::expected<T, Error>;

public:
    using Base::Base;
    Result() = default;
    Result(Error error) : Base(std::unexpect, std::move(error)) {}
    Result(const Base &other) : Base(other) {}
    Result(Base &&other) : Base(std::move(other)) {}

    // The failure's message; empty on success.
    QString errorString() const { return this->has_value() ? QString() : this->error().message; }
};

} // namespace assay
