// A small C++ sample for the highlighting reference.
#include <string>
#include <vector>

/* A block comment
   that spans lines */
namespace demo {

constexpr int Answer = 42;

template<typename T>
class Box
{
public:
    explicit Box(T value) : m_value(value) {}
    T get() const { return m_value; }

private:
    T m_value;
};

std::string greet(const std::string &name)
{
    if (name.empty())
        return "nobody";
    return "hello, " + name + '!';
}

} // namespace demo

int main()
{
    std::vector<int> values{1, 2, 3};
    double ratio = 0.5e3;
    return values.size() > 2 ? 0 : 1;
}
