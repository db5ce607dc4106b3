// Drives `ec2sim serve` with the AWS SDK for JavaScript v3. Usage: node ec2_smoke.mjs URL
// Exits 0 and prints "ok" when every check passes; throws (exit 1) otherwise.
import assert from "node:assert/strict";
import {
  EC2Client, DescribeRegionsCommand, CreateKeyPairCommand, RunInstancesCommand,
  DescribeInstancesCommand, CreateSecurityGroupCommand, AuthorizeSecurityGroupIngressCommand,
  StopInstancesCommand, TerminateInstancesCommand, waitUntilInstanceRunning,
  waitUntilInstanceStopped,
} from "@aws-sdk/client-ec2";

const client = new EC2Client({
  endpoint: process.argv[2],
  region: "ap-northeast-2",
  credentials: { accessKeyId: "AKIDJAVASCRIPT", secretAccessKey: "not-checked" },
  maxAttempts: 1,
});

const regions = await client.send(new DescribeRegionsCommand({}));
assert.ok(regions.Regions.some((r) => r.RegionName === "ap-northeast-2"));

const key = await client.send(new CreateKeyPairCommand({ KeyName: "js-key" }));
assert.match(key.KeyMaterial, /BEGIN RSA PRIVATE KEY/);

const group = await client.send(new CreateSecurityGroupCommand({
  GroupName: "js-web", Description: "from the JavaScript SDK" }));
await client.send(new AuthorizeSecurityGroupIngressCommand({
  GroupId: group.GroupId,
  IpPermissions: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22,
                    IpRanges: [{ CidrIp: "203.0.113.0/24" }] }],
}));

const run = await client.send(new RunInstancesCommand({
  ImageId: "ami-0c9c942bd7bf113a2", InstanceType: "t2.micro", MinCount: 1, MaxCount: 1,
  KeyName: "js-key", SecurityGroupIds: [group.GroupId],
  TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "js" }] }],
}));
const id = run.Instances[0].InstanceId;
await waitUntilInstanceRunning({ client, maxWaitTime: 30, minDelay: 1 }, { InstanceIds: [id] });

const found = await client.send(new DescribeInstancesCommand({
  Filters: [{ Name: "tag:Name", Values: ["js"] }] }));
const instance = found.Reservations[0].Instances[0];
assert.equal(instance.InstanceId, id);
assert.equal(instance.State.Name, "running");
assert.ok(instance.LaunchTime instanceof Date);
assert.equal(instance.SecurityGroups[0].GroupId, group.GroupId);

await client.send(new StopInstancesCommand({ InstanceIds: [id] }));
await waitUntilInstanceStopped({ client, maxWaitTime: 30, minDelay: 1 }, { InstanceIds: [id] });

await assert.rejects(
  client.send(new TerminateInstancesCommand({ InstanceIds: ["i-00000000000000000"] })),
  (err) => err.name === "InvalidInstanceID.NotFound" && err.$metadata.httpStatusCode === 400);
await client.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
console.log("ok");
