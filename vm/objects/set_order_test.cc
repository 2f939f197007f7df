// Replays random sequences of set operations recorded from CPython 3.11
// (testdata/set_order.txt, written by testdata/gen_set_order.py) and checks
// that SetObject iterates, pops and hashes exactly as CPython did: programs
// print sets, so the table layout must be CPython's.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/container_api.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/set.h"
#include "vm/objects/set_internal.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

class SetOrderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool initialized = false;
    if (!initialized) InitRuntime({"set_order_test"});
    initialized = true;
  }
};

Value ParseKey(const std::string& text) {
  if (text[0] != '(') return Value::Int(std::stoll(text));
  std::vector<Value> items;
  for (absl::string_view part : absl::StrSplit(text.substr(1, text.size() - 2),
                                               ';', absl::SkipEmpty())) {
    items.push_back(Value::Int(std::stoll(std::string(part))));
  }
  return TupleObject::FromValues(items.data(), items.size());
}

std::string KeyText(const Value& v) {
  if (v.is_int()) return std::to_string(v.as_int());
  auto* t = As<TupleObject>(v);
  std::vector<std::string> parts;
  for (size_t i = 0; i < t->size(); ++i) parts.push_back(KeyText(t->get(i)));
  return absl::StrCat("(", absl::StrJoin(parts, ";"), ")");
}

Value ParseList(const std::string& text) {
  Value list = ListObject::New();
  for (absl::string_view part : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    As<ListObject>(list)->items().push_back(ParseKey(std::string(part)));
  }
  return list;
}

std::string Contents(const Value& set) {
  std::vector<std::string> keys;
  Value key;
  for (size_t pos = 0; As<SetObject>(set)->Next(&pos, &key);) {
    keys.push_back(KeyText(key));
  }
  return absl::StrJoin(keys, " ");
}

Value CallOn(const Value& obj, const char* method, Value arg) {
  return CallMethod(obj, method, &arg, 1);
}

// Runs one recorded case; returns what it printed.
std::string Replay(const std::string& ops) {
  Value s = NewSetFrom(g_types.set, Value());
  std::string out;
  for (absl::string_view op_view :
       absl::StrSplit(ops, ' ', absl::SkipEmpty())) {
    std::string op(op_view);
    char code = op[0];
    std::string arg = op.size() > 2 ? op.substr(2) : "";
    Value r;
    switch (code) {
      case 'a':
        EXPECT_TRUE(As<SetObject>(s)->Add(ParseKey(arg)));
        continue;
      case 'd':
        EXPECT_GE(As<SetObject>(s)->Discard(ParseKey(arg)), 0);
        continue;
      case 'p':
        r = CallMethod(s, "pop", nullptr, 0);
        absl::StrAppend(&out, "pop ", KeyText(r), ";");
        continue;
      case 'c':
        s = CallMethod(s, "copy", nullptr, 0);
        continue;
      case 'h': {
        Value f = NewSetFrom(g_types.frozenset, s);
        int64_t h = 0;
        EXPECT_TRUE(Hash(f, &h));
        absl::StrAppend(&out, "hash ", h, ";");
        continue;
      }
      default:
        break;
    }
    Value list = ParseList(arg);
    Value other = NewSetFrom(g_types.set, list);
    switch (code) {
      case 'U':
        s = BinaryOp(s, other, BinOp::kOr);
        break;
      case 'I':
        s = BinaryOp(s, other, BinOp::kAnd);
        break;
      case 'D':
        s = BinaryOp(s, other, BinOp::kSubtract);
        break;
      case 'X':
        s = BinaryOp(s, other, BinOp::kXor);
        break;
      case 'u':
        r = CallOn(s, "update", list);
        break;
      case 'i':
        r = CallOn(s, "intersection_update", list);
        break;
      case 'r':
        r = CallOn(s, "difference_update", list);
        break;
      case 'x':
        r = CallOn(s, "symmetric_difference_update", list);
        break;
      case 'f':
        s = NewSetFrom(g_types.set, list);
        break;
      case 'k': {
        Value d = DictObject::New();
        for (const Value& k : As<ListObject>(list)->items()) {
          As<DictObject>(d)->Set(k, Value::None());
        }
        s = NewSetFrom(g_types.set, d);
        break;
      }
      default:
        ADD_FAILURE() << "unknown operation " << op;
    }
    EXPECT_FALSE(s.is_null() || ErrorOccurred()) << op;
    if (s.is_null()) return out;
  }
  return out + Contents(s);
}

TEST_F(SetOrderTest, SmallIntsInCPythonOrder) {
  Value s = NewSetFrom(g_types.set, Value());
  for (int64_t k : {5, 3, 17, 1, 100, -1, 33})
    As<SetObject>(s)->Add(Value::Int(k));
  EXPECT_EQ(Contents(s), "1 33 3 100 5 17 -1");
  Value r = NewSetFrom(g_types.set, Value());
  for (int64_t k = 0; k < 20; ++k) As<SetObject>(r)->Add(Value::Int(k));
  Value three = NewSetFrom(g_types.set, Value());
  As<SetObject>(three)->Add(Value::Int(3));
  EXPECT_EQ(Contents(BinaryOp(r, three, BinOp::kSubtract)),
            "0 1 2 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19");
}

TEST_F(SetOrderTest, MatchesCPythonRecordings) {
  std::string path = "vm/objects/testdata/set_order.txt";
  if (const char* srcdir = std::getenv("TEST_SRCDIR")) {
    path = absl::StrCat(srcdir, "/minidynamo/", path);
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::string line;
  int cases = 0, failures = 0;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos);
    std::string got = Replay(line.substr(0, tab));
    std::string want = line.substr(tab + 1);
    ++cases;
    if (got != want && ++failures <= 5) {
      ADD_FAILURE() << "case " << cases << ": " << line.substr(0, tab)
                    << "\n  want: " << want << "\n  got:  " << got;
    }
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(cases, 200);
}

}  // namespace
}  // namespace minidynamo
