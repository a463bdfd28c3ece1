// The AiLab shim: one C ABI that reaches every ATen operator through the c10 dispatcher.
//
// An operator is found once by (name, overload) and then called "boxed": the caller passes a tagged
// argument array, the shim converts it to an IValue stack guided by the operator's schema (filling
// defaults, widening ints to doubles where the schema wants a float), calls it, and flattens the
// results (tensors, tensor lists, tuples, ints, doubles, bools, none) back into tagged values.
// Operators taking only tensors and scalars skip the IValue stack (~0.1 µs a call): they are called
// unboxed through a typed handle (see FastShape).
// Beside operators there are the few things that are not operators: tensors from and to memory,
// metadata, autograd entry points, grad mode, seeds, threads, CUDA queries.
//
// Every exported function catches everything and returns a status (0 = ok); the message stays in a
// thread-local string until the next error on that thread, so nothing leaks per error.

#include <torch/torch.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/version.h>

#include <chrono>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#define AILAB_API extern "C" __attribute__((visibility("default")))

namespace {

thread_local std::string last_error;

enum ArgKind : int32_t {
  kNone = 0,
  kTensor = 1,
  kInt = 2,
  kDouble = 3,
  kBool = 4,
  kIntList = 5,
  kDoubleList = 6,
  kTensorList = 7,
  kOptionalTensorList = 8,
  kString = 9,
  kScalarType = 10,
  kDevice = 11,      // i = device type (0 cpu, 1 cuda), length = index (-1 = current)
  kDefault = 12,     // use the schema's default value
  kBoolList = 13,    // ints holds 0/1 values
};

}  // namespace

extern "C" {

typedef struct ailab_arg {
  int32_t kind;
  int32_t length;
  union {
    void* tensor;
    int64_t i;
    double d;
    const int64_t* ints;
    const double* doubles;
    void* const* tensors;
    const char* str;
  };
  int64_t nbytes;  // results only: bytes a tensor result owns alone (see owned_bytes)
} ailab_arg;

typedef struct ailab_tensor_info {
  int32_t dtype;
  int32_t dim;
  int32_t device_type;
  int32_t device_index;
  int32_t requires_grad;
  int32_t is_leaf;
  int64_t numel;
  int64_t element_size;
  int64_t owned_bytes;
} ailab_tensor_info;

}  // extern "C"

namespace {

#define AILAB_TRY try {
#define AILAB_CATCH                                   \
  }                                                   \
  catch (const c10::Error& e) {                       \
    last_error = e.what_without_backtrace();          \
    return 1;                                         \
  }                                                   \
  catch (const std::exception& e) {                   \
    last_error = e.what();                            \
    return 1;                                         \
  }                                                   \
  catch (...) {                                       \
    last_error = "unknown C++ exception in libtorch"; \
    return 1;                                         \
  }                                                   \
  return 0;

at::Tensor& as_tensor(void* handle) {
  TORCH_CHECK(handle != nullptr, "null tensor handle");
  return *static_cast<at::Tensor*>(handle);
}

void* new_handle(const at::Tensor& t) { return t.defined() ? new at::Tensor(t) : nullptr; }

// The storage bytes that only this tensor holds: .NET reports them to its GC as memory pressure.
// Views, aliases and gradients read back share storage someone else owns, so they report 0 —
// counting them made the GC run full collections every few training steps.
int64_t owned_bytes(const at::Tensor& t) {
  if (!t.defined() || t.use_count() != 1 || !t.has_storage()) return 0;
  const auto& storage = t.storage();
  return storage.use_count() == 1 ? static_cast<int64_t>(storage.nbytes()) : 0;
}

c10::TypePtr unwrap_optional(const c10::TypePtr& type) {
  if (auto opt = type->cast<c10::OptionalType>()) return opt->getElementType();
  return type;
}

// What the conversion of one argument needs to know, worked out once when the operator is found
// (reading the schema's types on every call would cost shared_ptr traffic on the hot path).
struct FormalInfo {
  std::string name;
  bool wants_float = false;      // `float` / `float?`: an int argument is widened
  bool wants_bool = false;       // `bool`: an int argument becomes a bool
  bool wants_int = false;        // `int`: a double argument is an error
  int64_t int_list_size = -1;    // `int[N]` / `SymInt[N]`: an int argument is repeated N times (1 if no N)
  bool optional = false;
  c10::optional<c10::IValue> default_value;
};

// ---- unboxed calls ----------------------------------------------------------------------------
//
// The boxed path (an IValue stack built from the schema) adds ~0.1 µs to a ~0.65 µs small kernel.
// Operators whose arguments are only tensors and scalars, at most three, returning one tensor —
// add/mul/relu/mm/eq and their in-place forms, the bulk of a training step — are called unboxed
// instead, through a typed handle made once when the operator is found: the same route as the C++
// front end's at::add. Any call whose arguments do not fit (a None, a list) takes the boxed path.

constexpr size_t kMaxFastArity = 3;

struct FastArg {
  at::Tensor* tensor = nullptr;
  c10::Scalar scalar;
};

using FastInvoke = at::Tensor (*)(const void* typed, FastArg* args);

template <class A>
struct FastGet;
template <>
struct FastGet<const at::Tensor&> {
  static const at::Tensor& from(FastArg& a) { return *a.tensor; }
};
template <>
struct FastGet<at::Tensor&> {
  static at::Tensor& from(FastArg& a) { return *a.tensor; }
};
template <>
struct FastGet<const c10::Scalar&> {
  static const c10::Scalar& from(FastArg& a) { return a.scalar; }
};

template <class F>
struct Fast;
template <class R, class... A>
struct Fast<R(A...)> {
  using Typed = c10::TypedOperatorHandle<R(A...)>;
  // typed<>() checks the signature against the kernel's registered one and throws on a mismatch.
  static void* make(const c10::OperatorHandle& handle) { return new Typed(handle.typed<R(A...)>()); }
  static at::Tensor invoke(const void* typed, FastArg* args) { return call(typed, args, std::index_sequence_for<A...>{}); }

 private:
  template <size_t... I>
  static at::Tensor call(const void* typed, FastArg* args, std::index_sequence<I...>) {
    return static_cast<const Typed*>(typed)->call(FastGet<A>::from(args[I])...);
  }
};

struct FastShape {
  const char* kinds;  // one letter per argument: T = Tensor, S = Scalar
  bool in_place;      // `Tensor(a!) self ... -> Tensor(a!)`: self and the result are `at::Tensor&`
  void* (*make)(const c10::OperatorHandle&);
  FastInvoke invoke;
};

using CT = const at::Tensor&;
using MT = at::Tensor&;
using CS = const c10::Scalar&;

#define AILAB_FAST(kinds, in_place, ...) \
  FastShape { kinds, in_place, Fast<__VA_ARGS__>::make, Fast<__VA_ARGS__>::invoke }

const FastShape fast_shapes[] = {
    AILAB_FAST("T", false, at::Tensor(CT)),
    AILAB_FAST("TT", false, at::Tensor(CT, CT)),
    AILAB_FAST("TS", false, at::Tensor(CT, CS)),
    AILAB_FAST("TTT", false, at::Tensor(CT, CT, CT)),
    AILAB_FAST("TTS", false, at::Tensor(CT, CT, CS)),
    AILAB_FAST("TST", false, at::Tensor(CT, CS, CT)),
    AILAB_FAST("TSS", false, at::Tensor(CT, CS, CS)),
    AILAB_FAST("T", true, MT(MT)),
    AILAB_FAST("TT", true, MT(MT, CT)),
    AILAB_FAST("TS", true, MT(MT, CS)),
    AILAB_FAST("TTT", true, MT(MT, CT, CT)),
    AILAB_FAST("TTS", true, MT(MT, CT, CS)),
    AILAB_FAST("TST", true, MT(MT, CS, CT)),
    AILAB_FAST("TSS", true, MT(MT, CS, CS)),
};

#undef AILAB_FAST

bool writes(const c10::Argument& a) { return a.alias_info() != nullptr && a.alias_info()->isWrite(); }

// The unboxed shape of an operator, or nullptr when it has none.
const FastShape* find_fast_shape(const c10::FunctionSchema& schema) {
  const auto& args = schema.arguments();
  const auto& returns = schema.returns();
  if (args.empty() || args.size() > kMaxFastArity || returns.size() != 1) return nullptr;
  if (returns[0].type()->kind() != c10::TypeKind::TensorType) return nullptr;
  std::string kinds;
  for (size_t k = 0; k < args.size(); ++k) {
    const auto kind = args[k].type()->kind();
    if (kind == c10::TypeKind::TensorType) kinds += 'T';
    else if (kind == c10::TypeKind::NumberType) kinds += 'S';
    else return nullptr;
    if (k > 0 && writes(args[k])) return nullptr;  // out= variants and the like stay boxed
  }
  const bool in_place = writes(args[0]);
  if (in_place != writes(returns[0])) return nullptr;
  for (const auto& shape : fast_shapes)
    if (shape.in_place == in_place && kinds == shape.kinds) return &shape;
  return nullptr;
}

struct OpEntry {
  c10::OperatorHandle handle;
  std::string name;
  std::vector<FormalInfo> formals;
  const FastShape* fast = nullptr;
  void* typed = nullptr;  // the c10::TypedOperatorHandle of `fast`
};

void make_fast(OpEntry& entry) {
  const auto* shape = find_fast_shape(entry.handle.schema());
  if (shape == nullptr) return;
  for (const auto& formal : entry.formals)  // defaults must be scalars (alpha=1); tensors have none
    if (formal.default_value && !formal.default_value->isScalar()) return;
  try {
    entry.typed = shape->make(entry.handle);
    entry.fast = shape;
  } catch (const c10::Error&) {
    // The kernel was registered with another C++ signature: the boxed path serves it.
  }
}

// Fills the unboxed arguments; false when a given argument does not fit (None, a list, a string).
bool fast_args(const OpEntry& entry, const ailab_arg* args, int32_t nargs, FastArg* out) {
  const auto kinds = entry.fast->kinds;
  for (size_t k = 0; kinds[k] != 0; ++k) {
    auto& f = out[k];
    const bool given = k < static_cast<size_t>(nargs) && args[k].kind != kDefault;
    if (!given) {
      if (!entry.formals[k].default_value) return false;
      f.scalar = entry.formals[k].default_value->toScalar();
      continue;
    }
    const auto& a = args[k];
    if (kinds[k] == 'T') {
      if (a.kind != kTensor || a.tensor == nullptr) return false;
      f.tensor = static_cast<at::Tensor*>(a.tensor);
    } else if (a.kind == kInt) {
      f.scalar = c10::Scalar(a.i);
    } else if (a.kind == kDouble) {
      f.scalar = c10::Scalar(a.d);
    } else if (a.kind == kBool) {
      f.scalar = c10::Scalar(a.i != 0);
    } else {
      return false;
    }
  }
  return true;
}

OpEntry* make_entry(const c10::OperatorHandle& handle) {
  auto entry = new OpEntry{handle, handle.schema().name(), {}};
  for (const auto& formal : handle.schema().arguments()) {
    FormalInfo info;
    info.name = formal.name();
    info.optional = formal.type()->kind() == c10::TypeKind::OptionalType;
    info.default_value = formal.default_value();
    const auto type = unwrap_optional(formal.type());
    info.wants_float = type->kind() == c10::TypeKind::FloatType;
    info.wants_bool = type->kind() == c10::TypeKind::BoolType;
    info.wants_int = type->kind() == c10::TypeKind::IntType;
    if (auto list = type->cast<c10::ListType>()) {
      const auto element = list->getElementType()->kind();
      if (element == c10::TypeKind::IntType || element == c10::TypeKind::SymIntType)
        info.int_list_size = formal.N() ? *formal.N() : 1;
    }
    entry->formals.push_back(std::move(info));
  }
  make_fast(*entry);
  return entry;
}

std::vector<at::Tensor> tensor_vector(const ailab_arg& a) {
  std::vector<at::Tensor> v;
  v.reserve(a.length);
  for (int32_t k = 0; k < a.length; ++k) v.push_back(as_tensor(a.tensors[k]));
  return v;
}

// Converts one tagged argument into the IValue the schema's argument expects.
c10::IValue to_ivalue(const ailab_arg& a, const FormalInfo& formal) {
  switch (a.kind) {
    case kNone:
      return c10::IValue();
    case kTensor:
      return a.tensor ? c10::IValue(as_tensor(a.tensor)) : c10::IValue();
    case kInt:
      if (formal.wants_float) return c10::IValue(static_cast<double>(a.i));
      if (formal.wants_bool) return c10::IValue(a.i != 0);
      // `int[2] kernel_size=3`: TorchScript broadcasts a single int to a fixed-size list.
      if (formal.int_list_size >= 0)
        return c10::IValue(std::vector<int64_t>(static_cast<size_t>(formal.int_list_size), a.i));
      return c10::IValue(a.i);
    case kDouble:
      TORCH_CHECK(!formal.wants_int, "argument '", formal.name, "' expects an int, got a double");
      return c10::IValue(a.d);
    case kBool:
      return c10::IValue(a.i != 0);
    case kIntList:
      return c10::IValue(std::vector<int64_t>(a.ints, a.ints + a.length));
    case kDoubleList:
      return c10::IValue(std::vector<double>(a.doubles, a.doubles + a.length));
    case kBoolList: {
      c10::List<bool> list;
      for (int32_t k = 0; k < a.length; ++k) list.push_back(a.ints[k] != 0);
      return c10::IValue(list);
    }
    case kTensorList:
      return c10::IValue(c10::List<at::Tensor>(tensor_vector(a)));
    case kOptionalTensorList: {
      c10::List<c10::optional<at::Tensor>> list;
      for (int32_t k = 0; k < a.length; ++k)
        list.push_back(a.tensors[k] ? c10::optional<at::Tensor>(as_tensor(a.tensors[k])) : c10::nullopt);
      return c10::IValue(list);
    }
    case kString:
      return c10::IValue(std::string(a.str ? a.str : ""));
    case kScalarType:
      return c10::IValue(static_cast<c10::ScalarType>(a.i));
    case kDevice:
      return c10::IValue(c10::Device(static_cast<c10::DeviceType>(a.i), static_cast<c10::DeviceIndex>(a.length)));
    default:
      TORCH_CHECK(false, "argument '", formal.name, "' has an unknown kind ", a.kind);
  }
}

// Per-thread scratch of ailab_op_call. One struct, fetched once per call: every separate
// thread_local costs a __tls_get_addr call in a shared library, which showed up in profiles.
struct CallScratch {
  std::vector<ailab_arg> results;
  torch::jit::Stack stack;
};

CallScratch& scratch() {
  thread_local CallScratch instance;
  return instance;
}

void flatten_result(const c10::IValue& v, std::vector<ailab_arg>& results) {
  ailab_arg r{};
  if (v.isTensor()) {
    const auto& t = v.toTensor();
    r.kind = t.defined() ? kTensor : kNone;
    r.tensor = new_handle(t);
    results.push_back(r);
  } else if (v.isTensorList()) {
    for (const at::Tensor& t : v.toTensorVector()) flatten_result(c10::IValue(t), results);
  } else if (v.isTuple()) {
    for (const auto& e : v.toTupleRef().elements()) flatten_result(e, results);
  } else if (v.isList()) {
    for (const auto& e : v.toListRef()) flatten_result(e, results);
  } else if (v.isInt()) {
    r.kind = kInt;
    r.i = v.toInt();
    results.push_back(r);
  } else if (v.isDouble()) {
    r.kind = kDouble;
    r.d = v.toDouble();
    results.push_back(r);
  } else if (v.isBool()) {
    r.kind = kBool;
    r.i = v.toBool();
    results.push_back(r);
  } else if (v.isNone()) {
    r.kind = kNone;
    results.push_back(r);
  } else {
    TORCH_CHECK(false, "unsupported result type ", v.tagKind());
  }
}

void free_results(std::vector<ailab_arg>& results) {
  for (auto& r : results)
    if (r.kind == kTensor) delete static_cast<at::Tensor*>(r.tensor);
  results.clear();
}

}  // namespace

extern "C" {

AILAB_API const char* ailab_last_error() { return last_error.c_str(); }

AILAB_API const char* ailab_version() {
  static const std::string version = std::to_string(TORCH_VERSION_MAJOR) + "." +
                                     std::to_string(TORCH_VERSION_MINOR) + "." +
                                     std::to_string(TORCH_VERSION_PATCH);
  return version.c_str();
}

// ---- operators ------------------------------------------------------------------------------

AILAB_API int ailab_op_find(const char* name, const char* overload, void** out) {
  AILAB_TRY
  *out = nullptr;
  auto handle = c10::Dispatcher::singleton().findSchema({name, overload ? overload : ""});
  TORCH_CHECK(handle.has_value(), "no operator ", name, overload && *overload ? "." : "",
              overload ? overload : "", " in this libtorch");
  *out = make_entry(*handle);
  AILAB_CATCH
}

// The operator's schema as text, e.g. "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor".
AILAB_API int ailab_op_schema(void* op, const char** out) {
  AILAB_TRY
  thread_local std::string text;
  std::ostringstream s;
  s << static_cast<OpEntry*>(op)->handle.schema();
  text = s.str();
  *out = text.c_str();
  AILAB_CATCH
}

// Calls an operator. Arguments beyond nargs, and those of kind kDefault, take the schema's
// default. Results are flattened; the first `capacity` go to `outs`, all of them stay available to
// ailab_op_results until the next call on this thread. `*count` is the number of results.
// capacity 0 means the caller wants no results (an in-place op returning self): none are made.
AILAB_API int ailab_op_call(void* op, const ailab_arg* args, int32_t nargs, ailab_arg* outs, int32_t capacity,
                            int32_t* count) {
  *count = 0;
  auto& [results, stack] = scratch();
  results.clear();  // ownership of the previous call's tensors passed to the caller
  stack.clear();    // what a failed call left
  AILAB_TRY
  const auto& entry = *static_cast<OpEntry*>(op);
  const auto& formals = entry.formals;
  TORCH_CHECK(static_cast<size_t>(nargs) <= formals.size(), entry.name, " takes ", formals.size(),
              " arguments, got ", nargs);
  if (entry.fast != nullptr) {
    FastArg fast[kMaxFastArity];
    if (fast_args(entry, args, nargs, fast)) {
      auto result = entry.fast->invoke(entry.typed, fast);
      if (capacity == 0) return 0;
      ailab_arg r{};
      r.kind = result.defined() ? kTensor : kNone;
      r.nbytes = owned_bytes(result);
      r.tensor = result.defined() ? new at::Tensor(std::move(result)) : nullptr;
      outs[0] = r;
      *count = 1;
      return 0;
    }
  }
  for (size_t k = 0; k < formals.size(); ++k) {
    if (k < static_cast<size_t>(nargs) && args[k].kind != kDefault) {
      stack.push_back(to_ivalue(args[k], formals[k]));
    } else if (formals[k].default_value.has_value()) {
      stack.push_back(*formals[k].default_value);
    } else {
      // `Tensor? weight` without a default (batch_norm's) is still optional: None.
      TORCH_CHECK(formals[k].optional, "argument '", formals[k].name, "' of ", entry.name,
                  " has no default and was not given");
      stack.push_back(c10::IValue());
    }
  }
  entry.handle.callBoxed(&stack);
  if (capacity == 0) {
    stack.clear();
    return 0;
  }
  try {
    for (const auto& v : stack) flatten_result(v, results);
  } catch (...) {
    free_results(results);
    stack.clear();
    throw;
  }
  stack.clear();  // now the result handles are the only references the call created
  for (auto& r : results)
    if (r.kind == kTensor) r.nbytes = owned_bytes(as_tensor(r.tensor));
  *count = static_cast<int32_t>(results.size());
  const auto n = std::min<size_t>(results.size(), static_cast<size_t>(capacity));
  std::memcpy(outs, results.data(), n * sizeof(ailab_arg));
  AILAB_CATCH
}

// 1 when the operator is called unboxed (see FastShape), 0 when through the boxed path.
AILAB_API int32_t ailab_op_is_unboxed(void* op) { return static_cast<OpEntry*>(op)->fast != nullptr; }

// All results of the last call on this thread (for calls with more results than `capacity`).
AILAB_API int ailab_op_results(ailab_arg* outs, int32_t capacity) {
  const auto& results = scratch().results;
  AILAB_TRY
  TORCH_CHECK(static_cast<size_t>(capacity) >= results.size(), "buffer too small for ", results.size(), " results");
  std::memcpy(outs, results.data(), results.size() * sizeof(ailab_arg));
  AILAB_CATCH
}

// ---- tensors and memory ---------------------------------------------------------------------

AILAB_API void ailab_tensor_free(void* t) { delete static_cast<at::Tensor*>(t); }

// A second handle to the same tensor (shares storage and autograd identity).
AILAB_API int ailab_tensor_alias(void* t, void** out) {
  AILAB_TRY
  *out = new at::Tensor(as_tensor(t));
  AILAB_CATCH
}

AILAB_API int ailab_tensor_from_data(const void* data, int64_t nbytes, int32_t dtype, const int64_t* shape,
                                     int32_t dim, int32_t device_type, int32_t device_index, void** out) {
  AILAB_TRY
  *out = nullptr;
  auto t = at::empty(c10::IntArrayRef(shape, dim), at::TensorOptions().dtype(static_cast<c10::ScalarType>(dtype)));
  TORCH_CHECK(static_cast<int64_t>(t.nbytes()) == nbytes, "data has ", nbytes, " bytes but shape ", t.sizes(),
              " of ", t.dtype(), " needs ", t.nbytes());
  if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
  const c10::Device device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index));
  if (device != t.device()) t = t.to(device);
  *out = new at::Tensor(std::move(t));
  AILAB_CATCH
}

// Copies the tensor's elements (row-major, on the CPU) into `dst`, which holds `nbytes`.
AILAB_API int ailab_tensor_copy_to(void* t, void* dst, int64_t nbytes) {
  AILAB_TRY
  auto c = as_tensor(t).detach().to(at::kCPU).contiguous();
  TORCH_CHECK(static_cast<int64_t>(c.nbytes()) == nbytes, "buffer has ", nbytes, " bytes, tensor has ", c.nbytes());
  if (nbytes > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(nbytes));
  AILAB_CATCH
}

AILAB_API int ailab_tensor_info_get(void* t, ailab_tensor_info* info) {
  AILAB_TRY
  const auto& x = as_tensor(t);
  info->dtype = static_cast<int32_t>(x.scalar_type());
  info->dim = static_cast<int32_t>(x.dim());
  info->device_type = static_cast<int32_t>(x.device().type());
  info->device_index = x.device().index();
  info->requires_grad = x.requires_grad();
  info->is_leaf = x.is_leaf();
  info->numel = x.numel();
  info->element_size = static_cast<int64_t>(x.element_size());
  info->owned_bytes = owned_bytes(x);
  AILAB_CATCH
}

// Sizes (or strides) into `out`, which holds at least dim() values.
AILAB_API int ailab_tensor_sizes(void* t, int64_t* out, int32_t capacity) {
  AILAB_TRY
  const auto sizes = as_tensor(t).sizes();
  TORCH_CHECK(static_cast<int64_t>(sizes.size()) <= capacity, "buffer too small for ", sizes.size(), " sizes");
  std::copy(sizes.begin(), sizes.end(), out);
  AILAB_CATCH
}

AILAB_API int ailab_tensor_strides(void* t, int64_t* out, int32_t capacity) {
  AILAB_TRY
  const auto strides = as_tensor(t).strides();
  TORCH_CHECK(static_cast<int64_t>(strides.size()) <= capacity, "buffer too small for ", strides.size(), " strides");
  std::copy(strides.begin(), strides.end(), out);
  AILAB_CATCH
}

// Makes `t` use `source`'s data (PyTorch's `t.data = source`): modules move their parameters to
// another device or dtype this way, so optimizers holding the parameters keep working.
AILAB_API int ailab_tensor_set_data(void* t, void* source) {
  AILAB_TRY
  as_tensor(t).set_data(as_tensor(source));
  AILAB_CATCH
}

// ---- autograd -------------------------------------------------------------------------------

AILAB_API int ailab_tensor_set_requires_grad(void* t, int32_t requires_grad) {
  AILAB_TRY
  as_tensor(t).set_requires_grad(requires_grad != 0);
  AILAB_CATCH
}

// retain_graph: -1 = default (same as create_graph), 0 = false, 1 = true.
AILAB_API int ailab_backward(void* t, void* grad, int32_t retain_graph, int32_t create_graph) {
  AILAB_TRY
  c10::optional<bool> retain;
  if (retain_graph >= 0) retain = retain_graph != 0;
  as_tensor(t).backward(grad ? as_tensor(grad) : at::Tensor(), retain, create_graph != 0);
  AILAB_CATCH
}

// The accumulated gradient, or null when there is none.
AILAB_API int ailab_tensor_grad(void* t, void** out) {
  AILAB_TRY
  *out = new_handle(as_tensor(t).grad());
  AILAB_CATCH
}

// Sets (grad != null) or clears the accumulated gradient.
AILAB_API int ailab_tensor_set_grad(void* t, void* grad) {
  AILAB_TRY
  as_tensor(t).mutable_grad() = grad ? as_tensor(grad) : at::Tensor();
  AILAB_CATCH
}

// torch.autograd.grad: gradients of `outputs` with respect to `inputs`; `outs` receives one handle
// per input (null where allow_unused and the input was not used).
AILAB_API int ailab_autograd_grad(void* const* outputs, int32_t noutputs, void* const* grad_outputs,
                                  int32_t ngrad_outputs, void* const* inputs, int32_t ninputs, int32_t retain_graph,
                                  int32_t create_graph, int32_t allow_unused, void** outs) {
  AILAB_TRY
  std::vector<at::Tensor> outs_v, grads_v, inputs_v;
  for (int32_t k = 0; k < noutputs; ++k) outs_v.push_back(as_tensor(outputs[k]));
  for (int32_t k = 0; k < ngrad_outputs; ++k)
    grads_v.push_back(grad_outputs[k] ? as_tensor(grad_outputs[k]) : at::Tensor());
  for (int32_t k = 0; k < ninputs; ++k) inputs_v.push_back(as_tensor(inputs[k]));
  c10::optional<bool> retain;
  if (retain_graph >= 0) retain = retain_graph != 0;
  auto grads = torch::autograd::grad(outs_v, inputs_v, grads_v, retain, create_graph != 0, allow_unused != 0);
  for (int32_t k = 0; k < ninputs; ++k) outs[k] = new_handle(grads[k]);
  AILAB_CATCH
}

// Grad mode is thread-local in libtorch, like in PyTorch.
AILAB_API int32_t ailab_grad_enabled() { return c10::GradMode::is_enabled(); }
AILAB_API void ailab_set_grad_enabled(int32_t enabled) { c10::GradMode::set_enabled(enabled != 0); }

// ---- global state ---------------------------------------------------------------------------

AILAB_API int ailab_manual_seed(uint64_t seed) {
  AILAB_TRY
  torch::manual_seed(seed);
  AILAB_CATCH
}

AILAB_API int ailab_set_num_threads(int32_t n) {
  AILAB_TRY
  at::set_num_threads(n);
  AILAB_CATCH
}

AILAB_API int32_t ailab_get_num_threads() { return at::get_num_threads(); }

AILAB_API int32_t ailab_cuda_is_available() { return torch::cuda::is_available(); }

AILAB_API int32_t ailab_cuda_device_count() { return static_cast<int32_t>(torch::cuda::device_count()); }

}  // extern "C"

// ---- benchmark support ----------------------------------------------------------------------

extern "C" {

// Seconds per `at::add` of two 4-element float tensors called straight from C++: the floor under
// which no front end can go. bench/ subtracts it to compare front-end overheads.
AILAB_API double ailab_bench_direct_add(int64_t iterations) {
  try {
    const auto a = at::ones({4});
    const auto b = at::ones({4});
    const auto start = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < iterations; ++i) at::add(a, b);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / static_cast<double>(iterations);
  } catch (...) {
    return -1;
  }
}

}  // extern "C"
