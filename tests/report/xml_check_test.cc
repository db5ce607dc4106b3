#include "tests/report/xml_check.h"

#include <gtest/gtest.h>

namespace ec2sim::testing {
namespace {

TEST(XmlCheck, AcceptsNestedElementsEntitiesAndComments) {
  EXPECT_EQ(XmlWellFormednessError("<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\"><!-- c -->"
                                   "<b/>t &lt; &#38; &#x26;<c y='q'></c></a>\n"),
            "");
}

TEST(XmlCheck, RejectsWhatBrowsersRefuseToRender) {
  EXPECT_NE(XmlWellFormednessError("<a><b></a></b>"), "");        // crossed tags
  EXPECT_NE(XmlWellFormednessError("<a>x & y</a>"), "");          // bare ampersand
  EXPECT_NE(XmlWellFormednessError("<a x=\"<\"/>"), "");          // '<' in a value
  EXPECT_NE(XmlWellFormednessError("<a x=1/>"), "");              // unquoted value
  EXPECT_NE(XmlWellFormednessError("<a x=\"1\" x=\"2\"/>"), "");  // duplicate attribute
  EXPECT_NE(XmlWellFormednessError("<a/><b/>"), "");              // two roots
  EXPECT_NE(XmlWellFormednessError("<a><!-- x -- y --></a>"), "");
  EXPECT_NE(XmlWellFormednessError("<a>"), "");
  EXPECT_NE(XmlWellFormednessError("<a>&nbsp;</a>"), "");
}

TEST(XmlCheck, CountsStartTagsByExactName) {
  EXPECT_EQ(CountElements("<g><rect/><rect x=\"1\"/><rectangle/></g>", "rect"), 2);
}

}  // namespace
}  // namespace ec2sim::testing
