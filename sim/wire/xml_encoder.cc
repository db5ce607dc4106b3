#include "sim/wire/xml_encoder.h"

#include <algorithm>
#include <array>

#include "ec2sim/sim_time.h"
#include "sim/engine/xml_text.h"

namespace ec2sim::wire {
namespace {

using nlohmann::json;

constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

class Encoder {
 public:
  Encoder(std::string& out, std::vector<std::string>* dropped) : out_(out), dropped_(dropped) {}

  void Members(const Shape& shape, const json& value, const std::string& path) {
    if (!value.is_object()) {
      Drop(path + " (expected a structure)");
      return;
    }
    // Both the object's keys and shape.by_name are sorted by name: one merge pass pairs them,
    // then the elements are written in the model's member order.
    constexpr std::size_t kInline = 64;
    std::array<const json*, kInline> inline_found{};
    std::vector<const json*> heap_found;
    const json** found = inline_found.data();
    if (shape.members.size() > kInline) {
      heap_found.assign(shape.members.size(), nullptr);
      found = heap_found.data();
    } else {
      inline_found.fill(nullptr);
    }
    auto m = shape.by_name.begin();
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string& key = it.key();
      while (m != shape.by_name.end() && m->first < key) ++m;
      if (m != shape.by_name.end() && m->first == key) {
        found[m->second] = &*it;
      } else {
        Drop(Join(path, key));
      }
    }
    for (std::size_t i = 0; i < shape.members.size(); ++i) {
      if (found[i] == nullptr || found[i]->is_null()) continue;
      const Member& member = shape.members[i];
      Element(member.open_tag, member.close_tag, *member.shape, *found[i],
              dropped_ ? Join(path, member.name) : std::string());
    }
  }

 private:
  static std::string Join(const std::string& path, const std::string& name) {
    return path.empty() ? name : path + "." + name;
  }

  void Drop(std::string what) {
    if (dropped_ != nullptr) dropped_->push_back(std::move(what));
  }

  void Element(const std::string& open, const std::string& close, const Shape& shape,
               const json& value, const std::string& path) {
    switch (shape.type) {
      case ShapeType::kStructure:
        out_ += open;
        Members(shape, value, path);
        out_ += close;
        return;
      case ShapeType::kList: {
        if (!value.is_array()) {
          Drop(path + " (expected a list)");
          return;
        }
        // A flattened list repeats its own element instead of wrapping <item>s.
        const std::string& item_open = shape.flattened ? open : shape.item_open;
        const std::string& item_close = shape.flattened ? close : shape.item_close;
        if (!shape.flattened) out_ += open;
        std::string item_path = dropped_ ? path + "[]" : std::string();
        for (const json& item : value) Element(item_open, item_close, *shape.item, item, item_path);
        if (!shape.flattened) out_ += close;
        return;
      }
      default:
        out_ += open;
        Scalar(shape, value, path);
        out_ += close;
        return;
    }
  }

  void Scalar(const Shape& shape, const json& value, const std::string& path) {
    switch (value.type()) {
      case json::value_t::string: {
        const std::string& s = value.get_ref<const std::string&>();
        if (shape.type == ShapeType::kTimestamp) {
          if (Result<SimTime> t = ParseIsoTime(s); t.ok()) {
            out_ += FormatIsoTimeXml(*t);
            return;
          }
        }
        engine::AppendXmlEscaped(out_, s);
        return;
      }
      case json::value_t::boolean:
        out_ += value.get<bool>() ? "true" : "false";
        return;
      case json::value_t::number_integer:
        out_ += std::to_string(value.get<std::int64_t>());
        return;
      case json::value_t::number_unsigned:
        out_ += std::to_string(value.get<std::uint64_t>());
        return;
      case json::value_t::number_float:
        out_ += value.dump();
        return;
      default:
        Drop(path + " (expected a scalar)");
        return;
    }
  }

  std::string& out_;
  std::vector<std::string>* dropped_;
};

}  // namespace

std::string EncodeResult(const ServiceModel& model, const Operation& op, const json& result,
                         std::string_view request_id, std::vector<std::string>* dropped) {
  // Large answers (DescribeInstances of a hundred instances is ~300 kB) would otherwise be
  // copied through a dozen doublings; the last size this thread wrote is a good first guess.
  thread_local std::size_t last_size = 16384;
  std::string out;
  out.reserve(last_size + last_size / 8);
  out += kXmlDeclaration;
  std::string root = op.name + "Response";
  out += '<' + root + " xmlns=\"" + model.xml_namespace() + "\"><requestId>";
  engine::AppendXmlEscaped(out, request_id);
  out += "</requestId>";
  if (op.output != nullptr) {
    Encoder(out, dropped).Members(*op.output, result, "");
  } else {
    out += "<return>true</return>";
  }
  out += "</" + root + ">";
  last_size = std::max<std::size_t>(16384, out.size());
  return out;
}

std::string EncodeError(std::string_view code, std::string_view message,
                        std::string_view request_id) {
  std::string out(kXmlDeclaration);
  out += "<Response><Errors><Error><Code>";
  engine::AppendXmlEscaped(out, code);
  out += "</Code><Message>";
  engine::AppendXmlEscaped(out, message);
  out += "</Message></Error></Errors><RequestID>";
  engine::AppendXmlEscaped(out, request_id);
  out += "</RequestID></Response>";
  return out;
}

}  // namespace ec2sim::wire
