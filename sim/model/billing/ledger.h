// Billing: meters driven by the world's resource events.
#ifndef EC2SIM_MODEL_BILLING_LEDGER_H_
#define EC2SIM_MODEL_BILLING_LEDGER_H_

#include "sim/model/world.h"

namespace ec2sim::billing {

// Records every billable change of a world, from construction on.
class Ledger {
 public:
  explicit Ledger(model::World& world) : world_(world) {}

 private:
  model::World& world_;
};

}  // namespace ec2sim::billing

#endif  // EC2SIM_MODEL_BILLING_LEDGER_H_
