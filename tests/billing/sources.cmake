# Tests of sim/model/billing (explicit list).
list(APPEND EC2SIM_TEST_SOURCES
  billing/money_test.cc
  billing/free_tier_test.cc
  billing/rates_test.cc
  billing/compute_billing_test.cc
  billing/address_billing_test.cc
  billing/free_tier_billing_test.cc
  billing/bill_verb_test.cc
  billing/network_billing_test.cc
  billing/volume_billing_test.cc
)
list(APPEND EC2SIM_TEST_SOURCES billing/cpu_credit_billing_test.cc)
list(APPEND EC2SIM_TEST_SOURCES billing/snapshot_billing_test.cc)
