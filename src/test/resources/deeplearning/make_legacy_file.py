"""Writes tiny_state_dict_legacy.pth: the tensors of tiny_state_dict.json in PyTorch's legacy (pre-1.6)
torch.save layout, without PyTorch (its CPU wheel is not installable here).

It follows torch/serialization.py `_legacy_save` step by step: pickle MAGIC_NUMBER, PROTOCOL_VERSION, sys_info;
pickle the OrderedDict with persistent ids ('storage', storage_type, key, 'cpu', numel, None) and tensors as
torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict()); pickle the sorted storage
keys; then each storage as int64 numel + raw little-endian bytes. The `torch` globals are stand-in classes whose
pickled names are PyTorch's. fc.weight and fc.bias share one storage (bias at offset 8) to exercise offsets.
This is the format as documented by PyTorch's source, NOT a file written by PyTorch itself.
"""
import collections, json, pickle, struct, sys, types

torch = types.ModuleType('torch'); utils = types.ModuleType('torch._utils')
class FloatStorage:
    def __init__(self, values): self.values, self.fmt, self.code = values, 'f', 'float32'
class LongStorage:
    def __init__(self, values): self.values, self.fmt, self.code = values, 'q', 'int64'
for c in (FloatStorage, LongStorage): c.__module__ = 'torch'; setattr(torch, c.__name__, c)
def _rebuild_tensor_v2(*a): raise RuntimeError('never called')
_rebuild_tensor_v2.__module__ = 'torch._utils'; utils._rebuild_tensor_v2 = _rebuild_tensor_v2; torch._utils = utils
sys.modules['torch'] = torch; sys.modules['torch._utils'] = utils

class Tensor:
    def __init__(self, storage, offset, shape): self.storage, self.offset, self.shape = storage, offset, shape
    def __reduce_ex__(self, proto):
        stride, acc = [], 1
        for d in reversed(self.shape): stride.insert(0, acc); acc *= d
        return (_rebuild_tensor_v2, (self.storage, self.offset, tuple(self.shape), tuple(stride), False,
                                     collections.OrderedDict()))

entries = json.load(open('tiny_state_dict.json'))
storages, keys, sd = [], {}, collections.OrderedDict()
by_name = {e['name']: e for e in entries}
shared = FloatStorage(by_name['fc.weight']['values'] + by_name['fc.bias']['values'])
for e in entries:
    vals = e['values'] if isinstance(e['values'], list) else [e['values']]
    if e['name'] == 'fc.weight': sd[e['name']] = Tensor(shared, 0, e['shape'])
    elif e['name'] == 'fc.bias': sd[e['name']] = Tensor(shared, 8, e['shape'])
    else: sd[e['name']] = Tensor((LongStorage if e['dtype'] == 'int64' else FloatStorage)(vals), 0, e['shape'])

class Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, (FloatStorage, LongStorage)):
            key = keys.setdefault(id(obj), str(len(keys)))
            if obj not in storages: storages.append(obj)
            return ('storage', type(obj), key, 'cpu', len(obj.values), None)
        return None

with open('tiny_state_dict_legacy.pth', 'wb') as f:
    pickle.dump(0x1950a86a20f9469cfc6c, f, protocol=2)
    pickle.dump(1001, f, protocol=2)
    pickle.dump(dict(protocol_version=1001, little_endian=True, type_sizes=dict(short=2, int=4, long=4)), f,
                protocol=2)
    Pickler(f, protocol=2).dump(sd)
    ordered = sorted(keys.values())
    pickle.dump(ordered, f, protocol=2)
    by_key = {keys[id(s)]: s for s in storages}
    for k in ordered:
        s = by_key[k]
        f.write(struct.pack('<q', len(s.values)))
        f.write(struct.pack('<%d%s' % (len(s.values), s.fmt), *s.values))
print('wrote tiny_state_dict_legacy.pth with', len(sd), 'tensors,', len(storages), 'storages')
