// A small XML 1.0 well-formedness check for the SVG tests (no DTDs, no CDATA, no namespaces
// checked): tags nest and match, one root element, attributes quoted and unique per element,
// only the five predefined entities and numeric character references, no '<' in attribute
// values, comments well formed.
#ifndef EC2SIM_TESTS_REPORT_XML_CHECK_H_
#define EC2SIM_TESTS_REPORT_XML_CHECK_H_

#include <string>
#include <string_view>

namespace ec2sim::testing {

// Empty when `xml` is well formed, else "offset N: reason" for the first problem.
std::string XmlWellFormednessError(std::string_view xml);

// How many elements named `name` the document has (counts start tags, a quick structural probe).
int CountElements(std::string_view xml, std::string_view name);

}  // namespace ec2sim::testing

#endif  // EC2SIM_TESTS_REPORT_XML_CHECK_H_
