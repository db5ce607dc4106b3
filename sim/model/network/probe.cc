#include "sim/model/network/probe.h"

#include "sim/model/network/evaluator.h"
#include "sim/model/network/explain.h"
#include "sim/model/network/resolve.h"

namespace ec2sim::network {
namespace {

Error BadTraffic(const std::string& message) {
  return MakeError(ErrorCode::kInvalidParameterValue, message);
}

ProbeEnd EndOf(const std::string& text, const Endpoint& e, const model::Instance* instance,
               const EndRef& ref) {
  ProbeEnd end;
  end.text = text;
  end.instance = instance;
  if (e.is_instance()) {
    end.scope = e.iface->scope;
    end.eni = e.iface->eni;
    end.address = e.address;
    end.via_public = e.via_public;
  } else if (!ref.is_instance_id()) {
    end.address = ref.address;
  }
  return end;
}

ConnectionEnd Remember(const ProbeEnd& end) {
  ConnectionEnd c;
  c.address = end.address;
  c.via_public = end.via_public;
  if (end.scope != nullptr && end.instance != nullptr) {
    c.account = end.scope->account;
    c.region = end.scope->region->code;
    c.instance_id = end.instance->id;
  }
  return c;
}

SgCheck CheckFor(Tracking t) {
  switch (t) {
    case Tracking::kTracked:
      return SgCheck::kTracked;
    case Tracking::kUntracked:
      return SgCheck::kUntracked;
    case Tracking::kNotApplicable:
      return SgCheck::kNewFlow;  // an internet end has no groups
  }
  return SgCheck::kNewFlow;
}

// Finds a connection end again as the world is now. Returns why the connection cannot go on,
// or kNone with `endpoint` and `out` filled.
Reason Relocate(model::World& world, NetworkView& view, const ConnectionEnd& c, Endpoint& endpoint,
                ProbeEnd& out) {
  out.address = c.address;
  out.via_public = c.via_public;
  if (c.instance_id.empty()) {
    endpoint.address = c.address;
    return Reason::kNone;
  }
  model::Scope* scope = world.FindScope(c.account, c.region);
  const model::Instance* inst = scope == nullptr ? nullptr : scope->instances.Find(c.instance_id);
  if (inst == nullptr) return Reason::kNotRunning;  // terminated and aged out
  out.scope = scope;
  out.instance = inst;
  out.eni = scope->interfaces.Find(inst->eni_id);
  if (out.eni == nullptr || inst->state != model::InstanceState::kRunning) {
    return Reason::kNotRunning;
  }
  model::Ipv4 now = c.via_public ? out.eni->public_ip : out.eni->private_ip;
  if (now != c.address) return Reason::kAddressChanged;
  endpoint.iface = &view.Interface(*scope, *out.eni);
  endpoint.address = now;
  endpoint.via_public = c.via_public;
  return Reason::kNone;
}

void Close(model::World& world, Connection& c, const ProbeOutcome& out) {
  c.open = false;
  c.closed_at = world.now();
  c.closed_reason = out.verdict.reason;
  c.closed_by = BlockSummary(out);
}

// Rewrites an outcome whose destination is another account's instance as the internet sees it:
// the destination is its public address, and the components on its side become one internet
// hop that passed or did not answer (SG or ACL, stopped or gone: all look the same from
// outside). Called after the connection, if any, has been remembered with its real ends.
void ShowAsInternet(ProbeOutcome& out) {
  const model::Scope* foreign = out.destination.scope;
  model::Ipv4 address = out.destination.address;
  Trace shown;
  int blocked = -1;
  bool last_foreign = false, last_return = false;
  for (int i = 0; i < out.trace.size; ++i) {
    const Hop& h = out.trace.hops[static_cast<std::size_t>(i)];
    bool is_foreign = foreign != nullptr && h.scope == foreign;
    bool merge = is_foreign && last_foreign && h.return_path == last_return && shown.size > 0;
    if (!is_foreign) {
      shown.Add(h);
    } else if (!merge) {
      Hop host;
      host.kind = HopKind::kInternet;
      host.return_path = h.return_path;
      host.address = address;
      host.egress = h.return_path;
      shown.Add(host);
    }
    if (i == out.verdict.blocked_hop) {
      blocked = shown.size - 1;
      if (is_foreign) shown.hops[static_cast<std::size_t>(blocked)].result = HopResult::kBlocked;
    }
    last_foreign = is_foreign;
    last_return = h.return_path;
  }
  if (blocked >= 0 && shown.hops[static_cast<std::size_t>(blocked)].kind == HopKind::kInternet) {
    out.verdict.reason = Reason::kNoAnswer;
  } else if (blocked < 0 && !out.verdict.allowed && !out.blocked_at_source) {
    out.verdict.reason = Reason::kNoAnswer;  // stopped or gone before any component
  }
  out.trace = shown;
  out.verdict.blocked_hop = blocked;
  out.verdict.destination_tracking = Tracking::kNotApplicable;
  out.destination.scope = nullptr;
  out.destination.instance = nullptr;
  out.destination.eni = nullptr;
  out.destination.address = address;
}

Result<ProbeOutcome> Recheck(model::World& world, NetworkView& view, const std::string& owner,
                             const std::string& name, bool confined) {
  Connection* c = world.connections().Find(owner, name);
  if (c == nullptr) {
    return MakeError(ErrorCode::kSimNotFound, "No connection named '" + name +
                                                  "' was opened (use \"open\": \"" + name +
                                                  "\" in an earlier probe)");
  }
  ProbeOutcome out;
  out.confined = confined;
  out.traffic = c->traffic;
  out.connection = name;
  out.source.text = c->from;
  out.destination.text = c->to;
  if (!c->open) {
    out.verdict.reason = Reason::kConnectionClosed;
    out.connection_state = ConnectionState::kClosed;
    out.closed_by = c->closed_by;
    out.explanation = Explain(out);
    return out;
  }
  Endpoint src, dst;
  Reason at_source = Relocate(world, view, c->source, src, out.source);
  Reason at_destination = Relocate(world, view, c->destination, dst, out.destination);
  if (at_source != Reason::kNone || at_destination != Reason::kNone) {
    out.blocked_at_source = at_source != Reason::kNone;
    out.verdict.reason = out.blocked_at_source ? at_source : at_destination;
  } else {
    EvalOptions options{CheckFor(c->source_tracking), CheckFor(c->destination_tracking)};
    out.verdict = Evaluate(src, dst, c->traffic, options, &out.trace);
  }
  if (out.verdict.allowed) {
    out.connection_state = ConnectionState::kEstablished;
    // A flow that was untracked may be tracked now (a narrower rule matches instead).
    if (c->source_tracking == Tracking::kUntracked) {
      c->source_tracking = out.verdict.source_tracking;
    }
    if (c->destination_tracking == Tracking::kUntracked) {
      c->destination_tracking = out.verdict.destination_tracking;
    }
    out.verdict.source_tracking = c->source_tracking;
    out.verdict.destination_tracking = c->destination_tracking;
  }
  // After the connection's tracking is updated from the real verdict, before the words that
  // close it are kept: both the answer and the stored words show a neighbour as the internet.
  const std::string& dest_account = c->destination.account;
  if (confined && !dest_account.empty() && dest_account != owner) {
    out.destination.address = c->destination.address;  // as opened, even if it moved since
    ShowAsInternet(out);
  }
  if (!out.verdict.allowed) {
    out.connection_state = ConnectionState::kCut;
    Close(world, *c, out);
  }
  out.explanation = Explain(out);
  return out;
}

}  // namespace

std::string_view ConnectionStateName(ConnectionState state) {
  switch (state) {
    case ConnectionState::kNone:
      return "none";
    case ConnectionState::kEstablished:
      return "established";
    case ConnectionState::kRefused:
      return "refused";
    case ConnectionState::kCut:
      return "cut";
    case ConnectionState::kClosed:
      return "closed";
  }
  return "unknown";
}

Status CheckTraffic(const Traffic& t) {
  if (t.protocol < 0 || t.protocol > 255) {
    return BadTraffic("Invalid protocol number " + std::to_string(t.protocol) +
                      ": must be between 0 and 255");
  }
  if (HasPorts(t.protocol)) {
    if (t.port < 0 || t.port > 65535) {
      return BadTraffic("Invalid value '" + std::to_string(t.port) +
                        "' for port. Ports must be between 0 and 65535.");
    }
    if (t.source_port < -1 || t.source_port > 65535) {
      return BadTraffic("Invalid value '" + std::to_string(t.source_port) +
                        "' for source_port. Ports must be between 0 and 65535.");
    }
  } else if (t.protocol == kProtoIcmp) {
    if (t.port < 0 || t.port > 255 || t.icmp_code < 0 || t.icmp_code > 255) {
      return BadTraffic("Invalid ICMP type " + std::to_string(t.port) + " or code " +
                        std::to_string(t.icmp_code) + ": each must be between 0 and 255.");
    }
  }
  return OkStatus();
}

Result<ProbeOutcome> RunProbe(model::World& world, const ProbeRequest& request,
                              const std::string& account, const std::string& region) {
  EC2SIM_ASSIGN_OR_RETURN(model::Scope * home, world.GetScope(account, region));
  NetworkView view(world);
  if (!request.connection.empty()) {
    return Recheck(world, view, account, request.connection, request.confined);
  }
  EC2SIM_RETURN_IF_ERROR(CheckTraffic(request.traffic));
  EC2SIM_ASSIGN_OR_RETURN(EndRef from, ParseEnd(request.from, "from"));
  EC2SIM_ASSIGN_OR_RETURN(EndRef to, ParseEnd(request.to, "to"));
  EC2SIM_ASSIGN_OR_RETURN(Resolution res, ResolveEnds(view, *home, from, to, request.confined));

  ProbeOutcome out;
  out.confined = request.confined;
  out.traffic = request.traffic;
  out.source = EndOf(request.from, res.source, res.source_instance, from);
  out.destination = EndOf(request.to, res.destination, res.destination_instance, to);
  if (res.blocked != Reason::kNone) {
    out.verdict.reason = res.blocked;
    out.blocked_at_source = res.blocked_at_source;
    out.nat_gateway_id = res.nat_gateway_id;
  } else {
    out.verdict = Evaluate(res.source, res.destination, request.traffic, {}, &out.trace);
  }
  if (!request.open.empty()) {
    out.connection = request.open;
    if (out.verdict.allowed) {
      Connection c;
      c.owner = account;
      c.name = request.open;
      c.from = request.from;
      c.to = request.to;
      c.source = Remember(out.source);
      c.destination = Remember(out.destination);
      c.traffic = request.traffic;
      c.source_tracking = out.verdict.source_tracking;
      c.destination_tracking = out.verdict.destination_tracking;
      c.opened_at = world.now();
      world.connections().Put(std::move(c));
      out.connection_state = ConnectionState::kEstablished;
    } else {
      out.connection_state = ConnectionState::kRefused;
    }
  }
  if (res.destination_foreign) ShowAsInternet(out);
  out.explanation = Explain(out);
  return out;
}

}  // namespace ec2sim::network
