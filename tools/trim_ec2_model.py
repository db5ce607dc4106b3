#!/usr/bin/python3
"""Writes the trimmed EC2 API model that drives ec2sim's wire codec (sim/wire/).

Reads botocore's EC2 service model (Debian package python3-botocore) and keeps only what the
Query protocol codec needs for the actions ec2sim implements: each operation's input and output
shape and every shape they reach, with the members' wire names (locationName, queryName) and
types. Documentation, enums and validation limits are dropped.

The implemented actions are found by scanning sim/ for `table.Add("ActionName", ...)`, so adding
an action means adding its handler and running this script again:

    /usr/bin/python3 tools/trim_ec2_model.py

It also writes sim/api/aws_input_members.inc: the top-level input members of each implemented
action, which the api layer (which may not read the wire model) uses to tell a member of AWS's
API that ec2sim does not model (Ec2sim.ParameterNotModeled) from a name AWS does not have
(UnknownParameter).

Options: --model PATH (another service-2.json), --out PATH, --check (exit 1 when a checked-in
file is out of date instead of writing it).
"""

import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_MODEL = pathlib.Path(
    "/usr/lib/python3/dist-packages/botocore/data/ec2/2016-11-15/service-2.json")
DEFAULT_OUT = ROOT / "sim" / "wire" / "data" / "ec2-2016-11-15.json"
MEMBERS_OUT = ROOT / "sim" / "api" / "aws_input_members.inc"

ADD_CALL = re.compile(r'\.Add\(\s*"([A-Za-z0-9]+)"')

# Members botocore added after the model Debian packages (python3-botocore 1.29.27) that SDKs
# send on their own: an idempotencyToken member is filled in by boto3 and the other SDKs on every
# call, so without it a current boto3's create_network_acl (and create_route_table) got
# UnknownParameter. Each entry is copied from botocore 1.43's data/ec2/2016-11-15/service-2.json
# and appended to its shape when the source model lacks it (a newer model passed with --model
# already has it).
NEWER_MEMBERS = {
    "CreateNetworkAclRequest": {"ClientToken": {"shape": "String"}},
    "CreateNetworkAclResult": {"ClientToken": {"shape": "String", "locationName": "clientToken"}},
    "CreateRouteTableRequest": {"ClientToken": {"shape": "String"}},
    "CreateRouteTableResult": {"ClientToken": {"shape": "String", "locationName": "clientToken"}},
    # A NAT gateway's address: its association and status (botocore 1.43's NatGatewayAddress).
    "NatGatewayAddress": {
        "AssociationId": {"shape": "String", "locationName": "associationId"},
        "IsPrimary": {"shape": "Boolean", "locationName": "isPrimary"},
        "FailureMessage": {"shape": "String", "locationName": "failureMessage"},
        "Status": {"shape": "String", "locationName": "status"},
    },
}

# Per-member keys the codec reads; everything else (documentation, deprecation notes) goes.
MEMBER_KEYS = ("shape", "locationName", "queryName", "flattened")
SHAPE_KEYS = ("type", "timestampFormat", "flattened")


def implemented_actions():
    names = set()
    for path in sorted((ROOT / "sim").rglob("*.cc")):
        names.update(ADD_CALL.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


def trim_member(ref):
    return {k: ref[k] for k in MEMBER_KEYS if k in ref}


def trim_shape(shape):
    out = {k: shape[k] for k in SHAPE_KEYS if k in shape}
    if "members" in shape:
        out["members"] = {name: trim_member(ref) for name, ref in shape["members"].items()}
    if "member" in shape:
        out["member"] = trim_member(shape["member"])
    for k in ("key", "value"):
        if k in shape:
            out[k] = trim_member(shape[k])
    return out


def reachable(shapes, roots):
    seen = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        refs = list(shape.get("members", {}).values())
        refs += [shape[k] for k in ("member", "key", "value") if k in shape]
        stack.extend(ref["shape"] for ref in refs)
    return seen


def add_newer_members(model):
    for shape_name, members in NEWER_MEMBERS.items():
        shape = model["shapes"][shape_name]["members"]
        for name, ref in members.items():
            shape.setdefault(name, ref)


def build(model, actions):
    missing = [a for a in actions if a not in model["operations"]]
    if missing:
        sys.exit("not in the EC2 model: " + ", ".join(missing))
    operations = {}
    roots = []
    for name in actions:
        op = model["operations"][name]
        entry = {}
        for part in ("input", "output"):
            if part in op:
                entry[part] = op[part]["shape"]
                roots.append(op[part]["shape"])
        operations[name] = dict(sorted(entry.items()))
    shapes = {name: trim_shape(model["shapes"][name])
              for name in sorted(reachable(model["shapes"], roots))}
    meta = model["metadata"]
    return {
        "source": "botocore ec2 " + meta["apiVersion"] + " service-2.json, trimmed by "
                  "tools/trim_ec2_model.py",
        "metadata": {k: meta[k] for k in ("apiVersion", "protocol", "xmlNamespace")},
        "operations": operations,
        "shapes": shapes,
    }


def input_members(trimmed):
    lines = ["// Generated by tools/trim_ec2_model.py from the trimmed EC2 model; do not edit.",
             "// {\"Action\", {top-level input members, in the model's order}},"]
    for name, op in trimmed["operations"].items():
        members = trimmed["shapes"][op["input"]].get("members", {}) if "input" in op else {}
        lines.append("{\"" + name + "\", {" + ", ".join(f'"{m}"' for m in members) + "}},")
    return "\n".join(lines) + "\n"


def write_or_check(path, text, check):
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            sys.exit(f"{path} is out of date: run tools/trim_ec2_model.py")
        return
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {text.count(chr(10))} lines", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=pathlib.Path, default=DEFAULT_MODEL)
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    model = json.loads(args.model.read_text(encoding="utf-8"))
    add_newer_members(model)
    # Members keep the model's order (the XML encoder writes elements in it); shapes and
    # operations are sorted by name so that regenerating gives small diffs.
    trimmed = build(model, implemented_actions())
    write_or_check(args.out, json.dumps(trimmed, indent=1) + "\n", args.check)
    write_or_check(MEMBERS_OUT, input_members(trimmed), args.check)

if __name__ == "__main__":
    main()
