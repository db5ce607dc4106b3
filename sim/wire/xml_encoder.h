// Encoding action results and errors as EC2 Query XML responses (ec2-semantics.md §2.2, §2.4),
// guided by the operation's output shape: JSON member "Reservations" becomes <reservationSet>
// with one <item> per element, timestamps take EC2's "2026-01-01T00:00:05.000Z" form.
#ifndef EC2SIM_WIRE_XML_ENCODER_H_
#define EC2SIM_WIRE_XML_ENCODER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sim/wire/service_model.h"

namespace ec2sim::wire {

// The success body of `op`: <OpResponse xmlns="..."><requestId>..</requestId>...</OpResponse>.
// JSON members the output shape does not know are left out; when `dropped` is not null, their
// paths ("Reservations[].Instances[].Foo") and any value whose JSON type does not fit its shape
// are appended to it, so tests can prove the handlers and the model agree. An operation without
// an output shape answers <return>true</return>, as EC2 does.
std::string EncodeResult(const ServiceModel& model, const Operation& op,
                         const nlohmann::json& result, std::string_view request_id,
                         std::vector<std::string>* dropped = nullptr);

// The error body: <Response><Errors><Error><Code>..</Code><Message>..</Message></Error>
// </Errors><RequestID>..</RequestID></Response>.
std::string EncodeError(std::string_view code, std::string_view message,
                        std::string_view request_id);

}  // namespace ec2sim::wire

#endif  // EC2SIM_WIRE_XML_ENCODER_H_
