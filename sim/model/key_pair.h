// A key pair as EC2 stores it (never the private key), as plain data. Operations: key_pairs.h.
#ifndef EC2SIM_MODEL_KEY_PAIR_H_
#define EC2SIM_MODEL_KEY_PAIR_H_

#include <string>

#include "ec2sim/sim_time.h"
#include "sim/model/tags.h"

namespace ec2sim::model {

struct KeyPairRecord {
  std::string key_pair_id;  // "key-..."
  std::string name;
  std::string type;  // "rsa" or "ed25519"
  std::string fingerprint;
  std::string public_key;
  SimTime create_time = 0;
  TagList tags;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_KEY_PAIR_H_
