#include "sim/lessons/terminal_text.h"

#include <algorithm>
#include <vector>

#include "sim/lessons/text_width.h"

namespace ec2sim::lessons {
namespace {

std::string_view TrimLeft(std::string_view s) {
  size_t at = s.find_first_not_of(' ');
  return at == std::string_view::npos ? std::string_view() : s.substr(at);
}

size_t LeadingSpaces(std::string_view s) {
  size_t at = s.find_first_not_of(' ');
  return at == std::string_view::npos ? s.size() : at;
}

// Length of a list marker at the start of `s` ("- ", "* ", "12. "), 0 when there is none.
size_t ListMarker(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') return 2;
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < s.size() && s[digits] == '.' && s[digits + 1] == ' ') {
    return digits + 2;
  }
  return 0;
}

bool IsFence(std::string_view line) { return TrimLeft(line).substr(0, 3) == "```"; }

// Accumulates output blocks with exactly one blank line between them.
class Output {
 public:
  void Line(std::string line) { lines_.push_back(std::move(line)); }
  void Lines(std::vector<std::string> lines) {
    for (auto& l : lines) lines_.push_back(std::move(l));
  }
  void EndBlock() {
    if (!lines_.empty() && !lines_.back().empty()) lines_.emplace_back();
  }
  std::string Text() {
    while (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
    std::string out;
    for (const auto& l : lines_) out += l + "\n";
    return out;
  }

 private:
  std::vector<std::string> lines_;
};

class Renderer {
 public:
  Renderer(std::string_view md, size_t width) : width_(width) {
    size_t pos = 0;
    while (pos <= md.size()) {
      size_t nl = md.find('\n', pos);
      if (nl == std::string_view::npos) nl = md.size();
      std::string_view line = md.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      pos = nl + 1;
    }
  }

  std::string Render() {
    size_t i = 0;
    while (i < lines_.size()) {
      std::string_view line = lines_[i];
      std::string_view body = TrimLeft(line);
      if (body.empty()) {
        out_.EndBlock();
        ++i;
      } else if (IsFence(line)) {
        i = Code(i);
      } else if (body.front() == '#') {
        Heading(body);
        ++i;
      } else if (body.front() == '|') {
        out_.Line("  " + PlainInline(body));
        if (i + 1 >= lines_.size() || TrimLeft(lines_[i + 1]).substr(0, 1) != "|") out_.EndBlock();
        ++i;
      } else if (ListMarker(body) > 0) {
        i = ListItem(i);
      } else if (body.substr(0, 1) == ">") {
        i = Quote(i);
      } else {
        i = Paragraph(i);
      }
    }
    return out_.Text();
  }

 private:
  size_t Code(size_t i) {
    out_.EndBlock();
    for (++i; i < lines_.size() && !IsFence(lines_[i]); ++i) {
      out_.Line(lines_[i].empty() ? std::string() : "    " + std::string(lines_[i]));
    }
    out_.EndBlock();
    return i + 1;  // past the closing fence
  }

  void Heading(std::string_view body) {
    size_t level = body.find_first_not_of('#');
    std::string text = PlainInline(TrimLeft(body.substr(level == body.npos ? body.size() : level)));
    out_.EndBlock();
    out_.Lines(WrapText(text, width_));
    if (level == 1 || level == 2) {
      size_t w = std::min(DisplayWidth(text), width_);
      out_.Line(std::string(w, level == 1 ? '=' : '-'));
    }
    out_.EndBlock();
  }

  // Joins the lines of a paragraph (until a blank line or another block starts).
  std::string Gather(size_t& i, std::string text, size_t min_indent) {
    for (; i < lines_.size(); ++i) {
      std::string_view line = lines_[i];
      std::string_view body = TrimLeft(line);
      if (body.empty() || IsFence(line) || body.front() == '#' || body.front() == '|' ||
          body.front() == '>' || (ListMarker(body) > 0) || LeadingSpaces(line) < min_indent) {
        break;
      }
      text += ' ';
      text += body;
    }
    return PlainInline(text);
  }

  size_t Paragraph(size_t i) {
    std::string text(TrimLeft(lines_[i]));
    ++i;
    out_.Lines(WrapText(Gather(i, std::move(text), 0), width_));
    out_.EndBlock();
    return i;
  }

  size_t ListItem(size_t i) {
    std::string_view line = lines_[i];
    size_t indent = LeadingSpaces(line);
    std::string_view body = TrimLeft(line);
    size_t marker = ListMarker(body);
    std::string bullet(body.substr(0, marker));
    if (bullet == "* ") bullet = "- ";
    std::string first = std::string(2 + indent, ' ') + bullet;
    std::string rest(DisplayWidth(first), ' ');
    std::string text(body.substr(marker));
    ++i;
    out_.Lines(WrapText(Gather(i, std::move(text), indent + 1), width_, first, rest));
    // A list ends at a blank line that is not followed by another item.
    if (i < lines_.size() && TrimLeft(lines_[i]).empty()) {
      size_t next = i + 1;
      if (next >= lines_.size() || ListMarker(TrimLeft(lines_[next])) == 0) out_.EndBlock();
      return next;
    }
    return i;
  }

  size_t Quote(size_t i) {
    std::string text;
    for (; i < lines_.size(); ++i) {
      std::string_view body = TrimLeft(lines_[i]);
      if (body.substr(0, 1) != ">") break;
      body.remove_prefix(1);
      if (!text.empty()) text += ' ';
      text += TrimLeft(body);
    }
    out_.Lines(WrapText(PlainInline(text), width_, "  | ", "  | "));
    out_.EndBlock();
    return i;
  }

  size_t width_;
  std::vector<std::string_view> lines_;
  Output out_;
};

}  // namespace

std::string PlainInline(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i, 2) == "**") {
      i += 2;
      continue;
    }
    if (text[i] == '[') {
      size_t close = text.find("](", i);
      size_t end = close == std::string_view::npos ? close : text.find(')', close);
      if (end != std::string_view::npos && text.find(']', i) == close) {
        out += text.substr(i + 1, close - i - 1);
        out += " <" + std::string(text.substr(close + 2, end - close - 2)) + ">";
        i = end + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::string RenderForTerminal(std::string_view markdown, std::size_t width) {
  return Renderer(markdown, width < 20 ? 20 : width).Render();
}

}  // namespace ec2sim::lessons
