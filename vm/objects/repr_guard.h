#ifndef MINIDYNAMO_VM_OBJECTS_REPR_GUARD_H_
#define MINIDYNAMO_VM_OBJECTS_REPR_GUARD_H_

// Recursion guard for the reprs of containers (CPython's Py_ReprEnter /
// Py_ReprLeave): a container that is already being repr'd further up the stack
// prints as `[...]`, `{...}`, `set(...)` instead of recursing forever. The set
// of objects in progress is per thread and shared by list, tuple, dict, set and
// the dict views.
//
//   ReprGuard guard(obj);
//   if (!guard.entered()) return StrObject::New("[...]");

#include <algorithm>
#include <vector>

#include "vm/core/object.h"

namespace minidynamo {

class ReprGuard {
 public:
  explicit ReprGuard(const Object* obj) : obj_(obj) {
    std::vector<const Object*>& active = Active();
    entered_ = std::find(active.begin(), active.end(), obj) == active.end();
    if (entered_) active.push_back(obj);
  }
  ~ReprGuard() {
    if (!entered_) return;
    std::vector<const Object*>& active = Active();
    // Usually the last one; search from the back for the general case.
    auto it = std::find(active.rbegin(), active.rend(), obj_);
    if (it != active.rend()) active.erase(std::next(it).base());
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;

  // False when `obj` was already being repr'd (print the `...` form).
  bool entered() const { return entered_; }

 private:
  static std::vector<const Object*>& Active() {
    thread_local std::vector<const Object*> active;
    return active;
  }
  const Object* obj_;
  bool entered_;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_REPR_GUARD_H_
