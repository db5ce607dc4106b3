# Sources of sim/model/billing (explicit list).
list(APPEND EC2SIM_MODEL_SOURCES
  sim/model/billing/money.cc
  sim/model/billing/rates.cc
  sim/model/billing/network_rates.cc
  sim/model/billing/meters.cc
  sim/model/billing/usage.cc
  sim/model/billing/free_tier.cc
  sim/model/billing/invoice.cc
  sim/model/billing/ledger.cc
)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simEbsPricesCsv sim/model/billing/data/ebs_prices.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simBillingCodesCsv sim/model/billing/data/billing_codes.csv)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simEbsPerformancePricesCsv
             sim/model/billing/data/ebs_performance_prices.csv)
list(APPEND EC2SIM_MODEL_SOURCES sim/model/billing/cpu_credits.cc)
ec2sim_embed(EC2SIM_MODEL_SOURCES kEc2simBurstableCreditsCsv sim/model/data/burstable_credits.csv)
