// The `time` module: clocks, sleep, and calendar conversions (gmtime,
// localtime, mktime, strftime, strptime, asctime, ctime) with CPython 3.11's
// results.
//
// struct_time is a tuple subclass made at import with type(): its nine items
// are the tuple, the tm_* names are read-only properties, and its repr is
// CPython's `time.struct_time(tm_year=..., ...)`.

#include <sys/time.h>
#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "runtime/modules/module_util.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

TypeObject* g_struct_time = nullptr;

constexpr const char* kFields[] = {"tm_year", "tm_mon",  "tm_mday",
                                   "tm_hour", "tm_min",  "tm_sec",
                                   "tm_wday", "tm_yday", "tm_isdst"};
constexpr int kNumFields = 9;
constexpr const char* kDayNames[] = {"Mon", "Tue", "Wed", "Thu",
                                     "Fri", "Sat", "Sun"};
constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr",
                                       "May", "Jun", "Jul", "Aug",
                                       "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kFullDayNames[] = {"Monday",   "Tuesday", "Wednesday",
                                         "Thursday", "Friday",  "Saturday",
                                         "Sunday"};
constexpr const char* kFullMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// ---- Clocks

double ClockSeconds(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

int64_t ClockNanos(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Value Time(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("time", nargs, kw, 0, 0)) return Value();
  return Value::Float(ClockSeconds(CLOCK_REALTIME));
}
Value TimeNs(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("time_ns", nargs, kw, 0, 0)) return Value();
  return Value::Int(ClockNanos(CLOCK_REALTIME));
}
Value Monotonic(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("monotonic", nargs, kw, 0, 0)) return Value();
  return Value::Float(ClockSeconds(CLOCK_MONOTONIC));
}
Value MonotonicNs(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("monotonic_ns", nargs, kw, 0, 0)) return Value();
  return Value::Int(ClockNanos(CLOCK_MONOTONIC));
}
Value ProcessTime(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("process_time", nargs, kw, 0, 0)) return Value();
  return Value::Float(ClockSeconds(CLOCK_PROCESS_CPUTIME_ID));
}
Value ProcessTimeNs(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("process_time_ns", nargs, kw, 0, 0)) return Value();
  return Value::Int(ClockNanos(CLOCK_PROCESS_CPUTIME_ID));
}
Value ThreadTime(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("thread_time", nargs, kw, 0, 0)) return Value();
  return Value::Float(ClockSeconds(CLOCK_THREAD_CPUTIME_ID));
}

Value Sleep(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("sleep", nargs, kw, 1, 1)) return Value();
  double secs;
  if (!IsNumber(args[0])) {
    return RaiseF(g_exc.TypeError,
                  "'%s' object cannot be interpreted as an integer",
                  TypeName(args[0]));
  }
  if (!ToDouble(args[0], &secs)) return Value();
  if (std::isnan(secs))
    return Raise(g_exc.ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) {
    return Raise(g_exc.ValueError, "sleep length must be non-negative");
  }
  timespec ts;
  ts.tv_sec = static_cast<time_t>(secs);
  ts.tv_nsec = static_cast<long>((secs - std::floor(secs)) * 1e9);
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
  return Value::None();
}

// ---- struct_time

Value StructTimeFromTm(const struct tm& t) {
  Value items = TupleObject::Of(
      {Value::Int(t.tm_year + 1900), Value::Int(t.tm_mon + 1),
       Value::Int(t.tm_mday), Value::Int(t.tm_hour), Value::Int(t.tm_min),
       Value::Int(t.tm_sec), Value::Int((t.tm_wday + 6) % 7),
       Value::Int(t.tm_yday + 1), Value::Int(t.tm_isdst)});
  return CallOneArg(Value::FromObject(g_struct_time), items);
}

Value StructTimeRepr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__repr__", nargs - 1, kw, 0, 0)) return Value();
  auto* t = As<TupleObject>(args[0]);
  std::string out = "time.struct_time(";
  for (size_t i = 0; i < t->size() && i < kNumFields; ++i) {
    std::string item = ReprString(t->get(i));
    if (ErrorOccurred()) return Value();
    absl::StrAppend(&out, i ? ", " : "", kFields[i], "=", item);
  }
  out += ")";
  return StrObject::New(out);
}

template <int kIndex>
Value FieldGetter(Value* args, size_t, TupleObject*) {
  auto* t = As<TupleObject>(args[0]);
  if (t->size() <= kIndex) return Value::None();
  return t->get(kIndex);
}

bool MakeStructTimeType(DictObject* module_dict) {
  Value bases = TupleObject::Of({Value::FromObject(g_types.tuple)});
  Value ns = DictObject::New();
  As<DictObject>(ns)->SetStr(Intern("__module__"), StrObject::New("time"));
  As<DictObject>(ns)->SetStr(Intern("__slots__"), TupleObject::Of({}));
  Value args[3] = {StrObject::New("struct_time"), bases, ns};
  Value type = CallType(g_types.type, args, 3, nullptr);
  if (type.is_null()) return false;
  g_struct_time = As<TypeObject>(type);
  g_struct_time->IncRef();  // Kept for the life of the program.
  AddMethod(g_struct_time, "__repr__", StructTimeRepr);
  AddGetter(g_struct_time, "tm_year", FieldGetter<0>);
  AddGetter(g_struct_time, "tm_mon", FieldGetter<1>);
  AddGetter(g_struct_time, "tm_mday", FieldGetter<2>);
  AddGetter(g_struct_time, "tm_hour", FieldGetter<3>);
  AddGetter(g_struct_time, "tm_min", FieldGetter<4>);
  AddGetter(g_struct_time, "tm_sec", FieldGetter<5>);
  AddGetter(g_struct_time, "tm_wday", FieldGetter<6>);
  AddGetter(g_struct_time, "tm_yday", FieldGetter<7>);
  AddGetter(g_struct_time, "tm_isdst", FieldGetter<8>);
  g_struct_time->SetAttribute("n_fields", Value::Int(kNumFields));
  g_struct_time->SetAttribute("n_sequence_fields", Value::Int(kNumFields));
  module_dict->SetStr(Intern("struct_time"), type);
  return true;
}

// A struct tm from a struct_time or a 9-tuple, as CPython's gettmarg.
bool TmFromArg(const char* fname, const Value& v, struct tm* out) {
  if (!IsInstance(v, g_types.tuple)) {
    RaiseF(g_exc.TypeError, "Tuple or struct_time argument required");
    return false;
  }
  auto* t = As<TupleObject>(v);
  if (t->size() != kNumFields) {
    RaiseF(g_exc.TypeError, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int64_t f[kNumFields];
  for (int i = 0; i < kNumFields; ++i) {
    if (!ArgToInt64(t->get(i), &f[i],
                    "Python int too large to convert to C int")) {
      return false;
    }
  }
  std::memset(out, 0, sizeof(*out));
  out->tm_year = static_cast<int>(f[0] - 1900);
  out->tm_mon = static_cast<int>(f[1] - 1);
  out->tm_mday = static_cast<int>(f[2]);
  out->tm_hour = static_cast<int>(f[3]);
  out->tm_min = static_cast<int>(f[4]);
  out->tm_sec = static_cast<int>(f[5]);
  out->tm_wday = static_cast<int>((f[6] + 1) % 7);
  out->tm_yday = static_cast<int>(f[7] - 1);
  out->tm_isdst = static_cast<int>(f[8]);
  return true;
}

// The seconds argument of gmtime/localtime/ctime: None means now; floats
// round toward minus infinity.
bool SecondsArg(Value* args, size_t nargs, time_t* out) {
  if (nargs == 0 || args[0].is_none()) {
    *out = time(nullptr);
    return true;
  }
  double d;
  if (args[0].is_float()) {
    d = args[0].as_float();
    if (std::isnan(d)) {
      Raise(g_exc.ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      Raise(g_exc.OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  int64_t i;
  if (!ArgToInt64(args[0], &i, "timestamp out of range for platform time_t")) {
    return false;
  }
  *out = static_cast<time_t>(i);
  return true;
}

Value ConvertTime(const char* name, Value* args, size_t nargs, TupleObject* kw,
                  bool local) {
  if (!CheckArgs(name, nargs, kw, 0, 1)) return Value();
  time_t secs;
  if (!SecondsArg(args, nargs, &secs)) return Value();
  struct tm t;
  if ((local ? localtime_r(&secs, &t) : gmtime_r(&secs, &t)) == nullptr) {
    return Raise(g_exc.OverflowError,
                 "timestamp out of range for platform time_t");
  }
  return StructTimeFromTm(t);
}

Value Gmtime(Value* a, size_t n, TupleObject* kw) {
  return ConvertTime("gmtime", a, n, kw, false);
}
Value Localtime(Value* a, size_t n, TupleObject* kw) {
  return ConvertTime("localtime", a, n, kw, true);
}

Value Mktime(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("mktime", nargs, kw, 1, 1)) return Value();
  struct tm t;
  if (!TmFromArg("mktime", args[0], &t)) return Value();
  t.tm_wday = -1;  // mktime leaves it alone on failure.
  time_t r = mktime(&t);
  if (r == static_cast<time_t>(-1) && t.tm_wday == -1) {
    return Raise(g_exc.OverflowError, "mktime argument out of range");
  }
  return Value::Float(static_cast<double>(r));
}

// The struct tm for an optional time-tuple argument (default: localtime()).
bool OptionalTm(const char* fname, Value* args, size_t nargs, size_t index,
                struct tm* t) {
  if (nargs <= index) {
    time_t now = time(nullptr);
    localtime_r(&now, t);
    return true;
  }
  return TmFromArg(fname, args[index], t);
}

std::string AsctimeOf(const struct tm& t) {
  return absl::StrFormat("%s %s%3d %.2d:%.2d:%.2d %d",
                         kDayNames[(t.tm_wday + 6) % 7],
                         kMonthNames[((t.tm_mon % 12) + 12) % 12], t.tm_mday,
                         t.tm_hour, t.tm_min, t.tm_sec, 1900 + t.tm_year);
}

Value Asctime(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("asctime", nargs, kw, 0, 1)) return Value();
  struct tm t;
  if (!OptionalTm("asctime", args, nargs, 0, &t)) return Value();
  return StrObject::New(AsctimeOf(t));
}

Value Ctime(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("ctime", nargs, kw, 0, 1)) return Value();
  time_t secs;
  if (!SecondsArg(args, nargs, &secs)) return Value();
  struct tm t;
  localtime_r(&secs, &t);
  return StrObject::New(AsctimeOf(t));
}

Value Strftime(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("strftime", nargs, kw, 1, 2)) return Value();
  if (!IsInstance(args[0], g_types.str)) {
    return RaiseF(g_exc.TypeError, "strftime() argument 1 must be str, not %s",
                  TypeName(args[0]));
  }
  struct tm t;
  if (!OptionalTm("strftime", args, nargs, 1, &t)) return Value();
  // CPython's checks on the tuple's ranges (0 stands for the default).
  if (t.tm_mon == -1) t.tm_mon = 0;
  if (t.tm_mday == 0) t.tm_mday = 1;
  if (t.tm_yday == -1) t.tm_yday = 0;
  if (t.tm_mon < 0 || t.tm_mon > 11) {
    return Raise(g_exc.ValueError, "month out of range");
  }
  if (t.tm_mday < 0 || t.tm_mday > 31) {
    return Raise(g_exc.ValueError, "day of month out of range");
  }
  if (t.tm_hour < 0 || t.tm_hour > 23) {
    return Raise(g_exc.ValueError, "hour out of range");
  }
  if (t.tm_min < 0 || t.tm_min > 59) {
    return Raise(g_exc.ValueError, "minute out of range");
  }
  if (t.tm_sec < 0 || t.tm_sec > 61) {
    return Raise(g_exc.ValueError, "seconds out of range");
  }
  if (t.tm_wday < 0) return Raise(g_exc.ValueError, "day of week out of range");
  if (t.tm_yday < 0 || t.tm_yday > 365) {
    return Raise(g_exc.ValueError, "day of year out of range");
  }
  const std::string& fmt = As<StrObject>(args[0])->str();
  if (fmt.empty()) return StrObject::New("");
  // strftime returns 0 both for "too small" and for an empty result: grow
  // the buffer a few times before deciding the result is empty.
  for (size_t size = 256; size <= 256 * fmt.size() + 4096; size *= 4) {
    std::string buf(size, '\0');
    size_t n = strftime(buf.data(), size, fmt.c_str(), &t);
    if (n > 0) return StrObject::New(buf.substr(0, n));
  }
  return StrObject::New("");
}

// ---- strptime (a subset of CPython's _strptime: the numeric directives,
// English names, %p, %j, %f, %%, and whitespace matching any whitespace).

bool ParseNumber(const std::string& s, size_t* pos, int max_digits,
                 int64_t* out) {
  size_t start = *pos;
  int64_t v = 0;
  while (*pos < s.size() && *pos - start < static_cast<size_t>(max_digits) &&
         s[*pos] >= '0' && s[*pos] <= '9') {
    v = v * 10 + (s[*pos] - '0');
    ++*pos;
  }
  *out = v;
  return *pos > start;
}

bool ParseName(const std::string& s, size_t* pos, const char* const* names,
               int count, int64_t* out) {
  // Longest match first (full names before abbreviations), case-insensitive.
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < count; ++i) {
    size_t len = std::strlen(names[i]);
    if (len > best_len && strncasecmp(s.c_str() + *pos, names[i], len) == 0) {
      best = i;
      best_len = len;
    }
  }
  if (best < 0) return false;
  *pos += best_len;
  *out = best;
  return true;
}

int DaysBeforeMonth(int year, int month) {
  static const int kCum[] = {0,   31,  59,  90,  120, 151,
                             181, 212, 243, 273, 304, 334};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kCum[month - 1] + (leap && month > 2 ? 1 : 0);
}

// Monday == 0, as struct_time's tm_wday.
int Weekday(int year, int month, int day) {
  // Zeller-like count of days since 0001-01-01 (a Monday).
  int y = year - 1;
  int64_t days = static_cast<int64_t>(y) * 365 + y / 4 - y / 100 + y / 400 +
                 DaysBeforeMonth(year, month) + day - 1;
  return static_cast<int>(((days % 7) + 7) % 7);
}

Value Strptime(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("strptime", nargs, kw, 1, 2)) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    if (!IsInstance(args[i], g_types.str)) {
      return RaiseF(g_exc.TypeError,
                    "strptime() argument %d must be str, not %s", i,
                    TypeName(args[i]));
    }
  }
  const std::string& s = As<StrObject>(args[0])->str();
  std::string fmt = nargs > 1 ? As<StrObject>(args[1])->str()
                              : std::string("%a %b %d %H:%M:%S %Y");
  int64_t year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t yday = -1, wday = -1, ampm = -1;
  size_t pos = 0;
  auto mismatch = [&]() {
    std::string sr = ReprString(args[0]);
    std::string fr = ReprString(StrObject::New(fmt));
    return RaiseF(g_exc.ValueError, "time data %s does not match format %s", sr,
                  fr);
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      while (i + 1 < fmt.size() &&
             std::isspace(static_cast<unsigned char>(fmt[i + 1]))) {
        ++i;
      }
      size_t before = pos;
      while (pos < s.size() &&
             std::isspace(static_cast<unsigned char>(s[pos]))) {
        ++pos;
      }
      if (pos == before) return mismatch();
      continue;
    }
    if (c != '%') {
      if (pos >= s.size() || s[pos] != c) return mismatch();
      ++pos;
      continue;
    }
    if (++i >= fmt.size()) {
      return Raise(g_exc.ValueError, "stray % in format '" + fmt + "'");
    }
    char d = fmt[i];
    bool ok = true;
    int64_t v = 0;
    switch (d) {
      case 'Y':
        ok = ParseNumber(s, &pos, 4, &year);
        break;
      case 'y':
        ok = ParseNumber(s, &pos, 2, &v);
        year = v <= 68 ? 2000 + v : 1900 + v;
        break;
      case 'm':
        ok = ParseNumber(s, &pos, 2, &month) && month >= 1 && month <= 12;
        break;
      case 'd':
        ok = ParseNumber(s, &pos, 2, &day) && day >= 1 && day <= 31;
        break;
      case 'H':
        ok = ParseNumber(s, &pos, 2, &hour) && hour <= 23;
        break;
      case 'I':
        ok = ParseNumber(s, &pos, 2, &hour) && hour >= 1 && hour <= 12;
        break;
      case 'M':
        ok = ParseNumber(s, &pos, 2, &minute) && minute <= 59;
        break;
      case 'S':
        ok = ParseNumber(s, &pos, 2, &second) && second <= 61;
        break;
      case 'f':
        ok = ParseNumber(s, &pos, 6, &v);
        break;
      case 'j':
        ok = ParseNumber(s, &pos, 3, &yday) && yday >= 1 && yday <= 366;
        break;
      case 'a':
        ok = ParseName(s, &pos, kDayNames, 7, &wday);
        break;
      case 'A':
        ok = ParseName(s, &pos, kFullDayNames, 7, &wday) ||
             ParseName(s, &pos, kDayNames, 7, &wday);
        break;
      case 'b':
      case 'h':
        ok = ParseName(s, &pos, kMonthNames, 12, &month);
        month += 1;
        break;
      case 'B':
        ok = ParseName(s, &pos, kFullMonthNames, 12, &month) ||
             ParseName(s, &pos, kMonthNames, 12, &month);
        month += 1;
        break;
      case 'p': {
        static const char* const kAmPm[] = {"AM", "PM"};
        ok = ParseName(s, &pos, kAmPm, 2, &ampm);
        break;
      }
      case '%':
        ok = pos < s.size() && s[pos] == '%';
        ++pos;
        break;
      default:
        return RaiseF(g_exc.ValueError,
                      "'%c' is a bad directive in format '%s'", d, fmt);
    }
    if (!ok) return mismatch();
  }
  if (pos < s.size()) {
    return RaiseF(g_exc.ValueError, "unconverted data remains: %s",
                  s.substr(pos));
  }
  if (ampm >= 0 && fmt.find("%I") != std::string::npos) {
    if (ampm == 0 && hour == 12) hour = 0;
    if (ampm == 1 && hour != 12) hour += 12;
  }
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > 28) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day > limit)
      return Raise(g_exc.ValueError, "day is out of range for month");
  }
  if (yday >= 1 && fmt.find("%m") == std::string::npos &&
      fmt.find("%d") == std::string::npos) {
    // A day of the year alone determines the month and day.
    month = 12;
    while (month > 1 && DaysBeforeMonth(static_cast<int>(year),
                                        static_cast<int>(month)) >= yday) {
      --month;
    }
    day =
        yday - DaysBeforeMonth(static_cast<int>(year), static_cast<int>(month));
  }
  yday = DaysBeforeMonth(static_cast<int>(year), static_cast<int>(month)) + day;
  wday = Weekday(static_cast<int>(year), static_cast<int>(month),
                 static_cast<int>(day));
  Value items =
      TupleObject::Of({Value::Int(year), Value::Int(month), Value::Int(day),
                       Value::Int(hour), Value::Int(minute), Value::Int(second),
                       Value::Int(wday), Value::Int(yday), Value::Int(-1)});
  return CallOneArg(Value::FromObject(g_struct_time), items);
}

bool InitTime(ModuleObject* m) {
  DictObject* d = m->dict();
  if (!MakeStructTimeType(d)) return false;
  AddFunction(d, "time", Time);
  AddFunction(d, "time_ns", TimeNs);
  AddFunction(d, "perf_counter", Monotonic);
  AddFunction(d, "perf_counter_ns", MonotonicNs);
  AddFunction(d, "monotonic", Monotonic);
  AddFunction(d, "monotonic_ns", MonotonicNs);
  AddFunction(d, "process_time", ProcessTime);
  AddFunction(d, "process_time_ns", ProcessTimeNs);
  AddFunction(d, "thread_time", ThreadTime);
  AddFunction(d, "sleep", Sleep);
  AddFunction(d, "gmtime", Gmtime);
  AddFunction(d, "localtime", Localtime);
  AddFunction(d, "mktime", Mktime);
  AddFunction(d, "asctime", Asctime);
  AddFunction(d, "ctime", Ctime);
  AddFunction(d, "strftime", Strftime);
  AddFunction(d, "strptime", Strptime);
  tzset();
  SetAttrStr(d, "timezone", Value::Int(timezone));
  SetAttrStr(d, "altzone", Value::Int(daylight ? timezone - 3600 : timezone));
  SetAttrStr(d, "daylight", Value::Int(daylight));
  SetAttrStr(
      d, "tzname",
      TupleObject::Of({StrObject::New(tzname[0]), StrObject::New(tzname[1])}));
  return true;
}

const bool kRegistered = (RegisterNativeModule("time", InitTime), true);

}  // namespace
}  // namespace minidynamo
