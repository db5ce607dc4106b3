// The Image shape of DescribeImages for both kinds of image: the catalog's public Amazon images
// and accounts' own images (CreateImage, RegisterImage, CopyImage). Shape: EC2 API Reference,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Image.html.
#ifndef EC2SIM_API_IMAGE_JSON_H_
#define EC2SIM_API_IMAGE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "sim/model/catalog.h"
#include "sim/model/images/image.h"

namespace ec2sim::api {

using nlohmann::json;

// One image as DescribeImages sees it: an own image, or a catalog image in the same record.
struct ImageView {
  model::Image image;
  std::string owner_alias;    // "amazon" for Amazon's images, else empty
  std::string creation_date;  // ISO 8601
  std::string location;       // ImageLocation: "amazon/NAME" or "OWNER/NAME"
};

// The catalog image as an available, public image with one root mapping.
ImageView CatalogImageView(const model::ImageInfo& info);
// An own image.
ImageView OwnImageView(const model::Image& image);

// The BlockDeviceMappings list (BlockDeviceMapping data type).
json ImageDevicesJson(const model::Image& image);
// The Image shape.
json ImageViewJson(const ImageView& view);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_IMAGE_JSON_H_
