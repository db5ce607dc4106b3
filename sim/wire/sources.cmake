# The EC2 Query protocol codec: botocore's model, request decoding, XML encoding, caller
# identity. Pure functions over strings and JSON (no sockets): the library ec2sim_wire, unit-tested
# in ec2sim_tests; sim/server/ puts it behind HTTP.
list(APPEND EC2SIM_WIRE_SOURCES
  sim/wire/service_model.cc
  sim/wire/query_decoder.cc
  sim/wire/protocol_fields.cc
  sim/wire/xml_encoder.cc
  sim/wire/caller.cc
)
ec2sim_embed(EC2SIM_WIRE_SOURCES kEc2simEc2ApiModel sim/wire/data/ec2-2016-11-15.json)
