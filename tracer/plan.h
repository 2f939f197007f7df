#ifndef MINIDYNAMO_TRACER_PLAN_H_
#define MINIDYNAMO_TRACER_PLAN_H_

// OutputPlan: the narrow interface between the tracer and codegen. The
// tracer fills one per compiled frame (the graph, where its inputs come from,
// the side effects to replay, how to rebuild the return value, the guards);
// codegen turns it into the out code.

#include <memory>
#include <utility>
#include <vector>

#include "tracer/graph.h"
#include "tracer/guards.h"
#include "tracer/source.h"
#include "vm/core/value.h"

namespace minidynamo {

// How to rebuild a value in the out code.
struct Recon {
  enum Kind { kConst, kGraphOutput, kSource, kTuple, kList, kDict };
  Kind kind = kConst;
  Value constant;
  int output = -1;  // index into the graph's outputs
  SourceRef source;
  std::vector<Recon> items;                    // tuple/list
  std::vector<std::pair<Recon, Recon>> pairs;  // dict
};

// A tracked dict's replay: [clear()], then update({changed entries}).
struct DictReplay {
  SourceRef dict;
  bool clear = false;
  std::vector<std::pair<Recon, Recon>> entries;
};

// A tracked list's replay: src[:] = [items].
struct ListReplay {
  SourceRef list;
  std::vector<Recon> items;
};

struct OutputPlan {
  std::shared_ptr<Graph> graph;
  std::vector<SourceRef> input_sources;  // graph inputs, in order
  std::vector<DictReplay> dict_replays;  // last registered first
  std::vector<ListReplay> list_replays;
  Recon return_value;
  GuardSet guards;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_PLAN_H_
