"""NAT gateways and the `traffic` route against `ec2sim serve`, with boto3: the lifecycle on the
server's manual clock, the Elastic IP held by the gateway, the bill for data moved, and the same
state after a restart on the journal."""

import unittest

import harness
from harness import error_of

QUERY = "?access_key=AKIDEXAMPLE&region=ap-northeast-2"


class NatGateway(harness.StateDirTest):
    def test_lifecycle_traffic_and_bill_survive_a_restart(self):
        with self.serve() as server:
            ec2 = harness.boto3_client(server)
            subnet = ec2.describe_subnets(Filters=[
                {"Name": "availability-zone", "Values": ["ap-northeast-2a"]}])["Subnets"][0]
            alloc = ec2.allocate_address(Domain="vpc")["AllocationId"]
            self.assertEqual(error_of(ec2.create_nat_gateway, SubnetId=subnet["SubnetId"]),
                             ("MissingParameter", 400))
            nat = ec2.create_nat_gateway(SubnetId=subnet["SubnetId"], AllocationId=alloc,
                                         ClientToken="once")["NatGateway"]
            self.assertEqual(nat["State"], "pending")
            nat_id = nat["NatGatewayId"]
            eni = nat["NatGatewayAddresses"][0]["NetworkInterfaceId"]
            address = ec2.describe_addresses(AllocationIds=[alloc])["Addresses"][0]
            self.assertEqual(address["NetworkInterfaceId"], eni)
            self.assertEqual(error_of(ec2.release_address, AllocationId=alloc),
                             ("InvalidIPAddress.InUse", 400))
            self.assertEqual(server.admin("POST", "clock", {"advance": "2m"})[0], 200)
            waiter = ec2.get_waiter("nat_gateway_available")
            waiter.wait(NatGatewayIds=[nat_id], WaiterConfig={"Delay": 0, "MaxAttempts": 2})
            again = ec2.create_nat_gateway(SubnetId=subnet["SubnetId"], AllocationId=alloc,
                                           ClientToken="once")["NatGateway"]
            self.assertEqual(again["NatGatewayId"], nat_id)

            [web] = [i["InstanceId"] for i in ec2.run_instances(
                ImageId="ami-0c9c942bd7bf113a2", InstanceType="t3.micro", MinCount=1,
                MaxCount=1)["Instances"]]
            status, moved = server.admin(
                "POST", "traffic", {"from": web, "to": "198.51.100.7", "gb": 150}, query=QUERY)
            self.assertEqual(status, 200, moved)
            self.assertEqual(moved["Path"], "internet")
            status, refused = server.admin(
                "POST", "traffic", {"from": web, "to": "198.51.100.7", "gb": -1}, query=QUERY)
            self.assertEqual((status, refused["error"]["code"]), (400, "InvalidParameterValue"))
            status, bill = server.admin("POST", "bill", {}, query=QUERY)
            self.assertEqual(status, 200, bill)

        with self.serve() as server:  # replayed from the journal
            ec2 = harness.boto3_client(server)
            gateways = ec2.describe_nat_gateways(NatGatewayIds=[nat_id])["NatGateways"]
            self.assertEqual(gateways[0]["State"], "available")
            self.assertEqual(gateways[0]["NatGatewayAddresses"][0]["NetworkInterfaceId"], eni)
            status, replayed = server.admin("POST", "bill", {}, query=QUERY)
            self.assertEqual(status, 200, replayed)
            self.assertEqual(replayed["Lines"], bill["Lines"])
            out = [line for line in replayed["Lines"]
                   if line["UsageType"] == "APN2-DataTransfer-Out-Bytes"]
            # 150 GB out, 100 GB free: 50 x $0.126 = $6.30.
            self.assertEqual((out[0]["Quantity"], out[0]["AmountUSD"]), (150, 6.3))
            self.assertEqual(len([line for line in replayed["Lines"]
                                  if line["UsageType"] == "APN2-NatGateway-Hours"]), 1)

            ec2.delete_nat_gateway(NatGatewayId=nat_id)
            self.assertEqual(server.admin("POST", "clock", {"advance": "1m"})[0], 200)
            waiter = ec2.get_waiter("nat_gateway_deleted")
            waiter.wait(NatGatewayIds=[nat_id], WaiterConfig={"Delay": 0, "MaxAttempts": 2})
            ec2.release_address(AllocationId=alloc)


if __name__ == "__main__":
    unittest.main()
