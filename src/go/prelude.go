package main

import "sync"

// The parts of Go's standard library that call back into Go code are
// written in Go: the interpreter compiles this file with every program.

type __sync_Once struct {
	done bool
}

func (o *__sync_Once) Do(f func()) {
	if !o.done {
		o.done = true
		f()
	}
}

// sync.RWMutex: any number of readers, or one writer. A writer that
// waits keeps new readers out (as Go's does), so readers cannot starve it.
// w is held by a writer (and for a moment by each arriving reader); r
// guards the count of readers and the channel a waiting writer sleeps on.
type __sync_RWMutex struct {
	w       sync.Mutex
	r       sync.Mutex
	readers int
	writer  bool
	drained chan struct{}
}

func (rw *__sync_RWMutex) RLock() {
	rw.w.Lock()
	rw.r.Lock()
	rw.readers++
	rw.r.Unlock()
	rw.w.Unlock()
}

func (rw *__sync_RWMutex) RUnlock() {
	rw.r.Lock()
	if rw.readers == 0 {
		rw.r.Unlock()
		__fatal("sync: RUnlock of unlocked RWMutex")
	}
	rw.readers--
	if rw.readers == 0 && rw.drained != nil {
		close(rw.drained)
		rw.drained = nil
	}
	rw.r.Unlock()
}

func (rw *__sync_RWMutex) Lock() {
	rw.w.Lock()
	rw.writer = true
	rw.r.Lock()
	if rw.readers > 0 {
		d := make(chan struct{})
		rw.drained = d
		rw.r.Unlock()
		<-d
		return
	}
	rw.r.Unlock()
}

func (rw *__sync_RWMutex) Unlock() {
	if !rw.writer {
		__fatal("sync: Unlock of unlocked RWMutex")
	}
	rw.writer = false
	rw.w.Unlock()
}

type __strings_Builder struct {
	s string
}

func (b *__strings_Builder) WriteString(s string) (int, error) {
	b.s += s
	return len(s), nil
}

func (b *__strings_Builder) WriteByte(c byte) error {
	b.s += string(rune(c))
	return nil
}

func (b *__strings_Builder) WriteRune(r rune) (int, error) {
	b.s += string(r)
	return 1, nil
}

func (b *__strings_Builder) String() string {
	return b.s
}

func (b *__strings_Builder) Len() int {
	return len(b.s)
}

func (b *__strings_Builder) Reset() {
	b.s = ""
}

// sort: sort.Sort is Go 1.19's pdqsort, ported as it is, so ties end
// where Go leaves them. sort.Slice runs it over the indices, asking less
// of the items where they stand, then puts the slice in that order in one
// native step (Go's swaps through a Go interface took ten times the
// steps); sort.SliceStable merge-sorts the indices. sort.Stable is Go
// 1.19's (insertion sorts of 20, then merges by rotating), as a program's
// own Interface has only swaps and comparisons.
type __sort_Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// sort.Slice: Go's pdqsort over the indices, asking less of the items
// where they stand, so the order (of ties too) is Go's wherever less reads
// the slice; then the slice is put in that order in one step.
type __sort_indexed struct {
	p    []int
	less func(i, j int) bool
}

func (s __sort_indexed) Len() int           { return len(s.p) }
func (s __sort_indexed) Less(i, j int) bool { return s.less(s.p[i], s.p[j]) }
func (s __sort_indexed) Swap(i, j int)      { s.p[i], s.p[j] = s.p[j], s.p[i] }

func __sort_Slice(x any, less func(i, j int) bool) {
	p := make([]int, len(x))
	for i := range p {
		p[i] = i
	}
	__sort_Sort(__sort_indexed{p, less})
	__permute(x, p)
}

func __sort_SliceStable(x any, less func(i, j int) bool) {
	n := len(x)
	idx, buf := make([]int, n), make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := lo+width, lo+2*width
			if mid > n {
				mid = n
			}
			if hi > n {
				hi = n
			}
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if less(idx[j], idx[i]) {
					buf[k] = idx[j]
					j++
				} else {
					buf[k] = idx[i]
					i++
				}
				k++
			}
			for ; i < mid; i++ {
				buf[k] = idx[i]
				k++
			}
			for ; j < hi; j++ {
				buf[k] = idx[j]
				k++
			}
		}
		idx, buf = buf, idx
	}
	__permute(x, idx)
}

func __sort_Sort(data __sort_Interface) {
	n := data.Len()
	if n > 1 {
		__sort_pdq(data, 0, n, __sort_bitLen(n))
	}
}

func __sort_bitLen(n int) int {
	l := 0
	for ; n > 0; n >>= 1 {
		l++
	}
	return l
}

func __sort_heap(data __sort_Interface, a, b int) {
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		__sort_siftDown(data, i, hi, a)
	}
	for i := hi - 1; i >= 0; i-- {
		data.Swap(a, a+i)
		__sort_siftDown(data, 0, i, a)
	}
}

func __sort_siftDown(data __sort_Interface, root, hi, first int) {
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func __sort_pdq(data __sort_Interface, a, b, limit int) {
	wasBalanced, wasPartitioned := true, true
	for {
		length := b - a
		if length <= 12 {
			__sort_insertion(data, a, b)
			return
		}
		if limit == 0 {
			__sort_heap(data, a, b)
			return
		}
		if !wasBalanced {
			__sort_breakPatterns(data, a, b)
			limit--
		}
		pivot, hint := __sort_choosePivot(data, a, b)
		if hint == 2 {
			for i, j := a, b-1; i < j; i, j = i+1, j-1 {
				data.Swap(i, j)
			}
			pivot = (b - 1) - (pivot - a)
			hint = 1
		}
		if wasBalanced && wasPartitioned && hint == 1 && __sort_partialInsertion(data, a, b) {
			return
		}
		if a > 0 && !data.Less(a-1, pivot) {
			a = __sort_partitionEqual(data, a, b, pivot)
			continue
		}
		mid, already := __sort_partition(data, a, b, pivot)
		wasPartitioned = already
		leftLen, rightLen := mid-a, b-mid
		if leftLen < rightLen {
			wasBalanced = leftLen >= length/8
			__sort_pdq(data, a, mid, limit)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= length/8
			__sort_pdq(data, mid+1, b, limit)
			b = mid
		}
	}
}

func __sort_partition(data __sort_Interface, a, b, pivot int) (int, bool) {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for i <= j && data.Less(i, a) {
		i++
	}
	for i <= j && !data.Less(j, a) {
		j--
	}
	if i > j {
		data.Swap(j, a)
		return j, true
	}
	data.Swap(i, j)
	i++
	j--
	for {
		for i <= j && data.Less(i, a) {
			i++
		}
		for i <= j && !data.Less(j, a) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	data.Swap(j, a)
	return j, false
}

func __sort_partitionEqual(data __sort_Interface, a, b, pivot int) int {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for {
		for i <= j && !data.Less(a, i) {
			i++
		}
		for i <= j && data.Less(a, j) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	return i
}

func __sort_partialInsertion(data __sort_Interface, a, b int) bool {
	i := a + 1
	for step := 0; step < 5; step++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < 50 {
			return false
		}
		data.Swap(i, i-1)
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !data.Less(j, j-1) {
					break
				}
				data.Swap(j, j-1)
			}
		}
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !data.Less(j, j-1) {
					break
				}
				data.Swap(j, j-1)
			}
		}
	}
	return false
}

func __sort_breakPatterns(data __sort_Interface, a, b int) {
	length := b - a
	if length >= 8 {
		random := uint64(length)
		modulus := uint64(1) << uint(__sort_bitLen(length))
		idx := a + (length/4)*2 - 1
		for i := 0; i < 3; i++ {
			random ^= random << 13
			random ^= random >> 17
			random ^= random << 5
			other := int(random & (modulus - 1))
			if other >= length {
				other -= length
			}
			data.Swap(idx+i, a+other)
		}
	}
}

// The pivot, and a hint: 1 if the samples were in order, 2 if reversed.
func __sort_choosePivot(data __sort_Interface, a, b int) (int, int) {
	l := b - a
	swaps := 0
	i, j, k := a+l/4*1, a+l/4*2, a+l/4*3
	if l >= 8 {
		if l >= 50 {
			i = __sort_median(data, i-1, i, i+1, &swaps)
			j = __sort_median(data, j-1, j, j+1, &swaps)
			k = __sort_median(data, k-1, k, k+1, &swaps)
		}
		j = __sort_median(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, 1
	case 12:
		return j, 2
	}
	return j, 0
}

func __sort_median(data __sort_Interface, a, b, c int, swaps *int) int {
	if data.Less(b, a) {
		*swaps++
		a, b = b, a
	}
	if data.Less(c, b) {
		*swaps++
		b, c = c, b
	}
	if data.Less(b, a) {
		*swaps++
		a, b = b, a
	}
	return b
}

func __sort_insertion(data __sort_Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

func __sort_Stable(data __sort_Interface) {
	n := data.Len()
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		__sort_insertion(data, a, b)
		a = b
		b += blockSize
	}
	__sort_insertion(data, a, n)
	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			__sort_symMerge(data, a, a+blockSize, b)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			__sort_symMerge(data, a, m, n)
		}
		blockSize *= 2
	}
}

func __sort_symMerge(data __sort_Interface, a, m, b int) {
	if m-a == 1 {
		i, j := m, b
		for i < j {
			h := (i + j) / 2
			if data.Less(h, a) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		i, j := a, m
		for i < j {
			h := (i + j) / 2
			if !data.Less(m, h) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	mid := (a + b) / 2
	n := mid + m
	var start, r int
	if m > mid {
		start, r = n-b, mid
	} else {
		start, r = a, m
	}
	p := n - 1
	for start < r {
		c := (start + r) / 2
		if !data.Less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		__sort_rotate(data, start, m, end)
	}
	if a < start && start < mid {
		__sort_symMerge(data, a, start, mid)
	}
	if mid < end && end < b {
		__sort_symMerge(data, mid, end, b)
	}
}

func __sort_swapRange(data __sort_Interface, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}

func __sort_rotate(data __sort_Interface, a, m, b int) {
	i, j := m-a, b-m
	for i != j {
		if i > j {
			__sort_swapRange(data, m-i, m, j)
			i -= j
		} else {
			__sort_swapRange(data, m-i, m+j-i, i)
			j -= i
		}
	}
	__sort_swapRange(data, m-i, m, i)
}

// sort.Reverse, sort.IntSlice and sort.StringSlice.
type __sort_reverse struct{ data __sort_Interface }

func (r __sort_reverse) Len() int           { return r.data.Len() }
func (r __sort_reverse) Less(i, j int) bool { return r.data.Less(j, i) }
func (r __sort_reverse) Swap(i, j int)      { r.data.Swap(i, j) }

func __sort_Reverse(data __sort_Interface) __sort_Interface { return __sort_reverse{data} }

type __sort_IntSlice []int

func (x __sort_IntSlice) Len() int           { return len(x) }
func (x __sort_IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x __sort_IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

func (x __sort_IntSlice) Sort() { __sort_Sort(x) }
func (x __sort_IntSlice) Search(v int) int {
	i, j := 0, len(x)
	for i < j {
		h := (i + j) / 2
		if x[h] < v {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

type __sort_StringSlice []string

func (x __sort_StringSlice) Len() int           { return len(x) }
func (x __sort_StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x __sort_StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x __sort_StringSlice) Sort()              { __sort_Sort(x) }
func (x __sort_StringSlice) Search(v string) int {
	i, j := 0, len(x)
	for i < j {
		h := (i + j) / 2
		if x[h] < v {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// strings.Map: each rune through mapping; one mapped below 0 is dropped.
func __strings_Map(mapping func(rune) rune, s string) string {
	var b []rune
	for _, r := range s {
		if m := mapping(r); m >= 0 {
			b = append(b, m)
		}
	}
	return string(b)
}

func __rand_Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		j := __randn(i + 1)
		swap(i, j)
	}
}

// sync/atomic's Int64, Int32, Uint64, Uint32 and Bool. The executor switches goroutines
// only between instructions, and each method is one load, one store or one
// native call, so each is atomic.
type __atomic_Int64 struct {
	v int64
}

func (x *__atomic_Int64) Load() int64                        { return x.v }
func (x *__atomic_Int64) Store(v int64)                      { x.v = v }
func (x *__atomic_Int64) Add(d int64) int64                  { return __atomic_add(&x.v, d) }
func (x *__atomic_Int64) Swap(v int64) int64                 { return __atomic_swap(&x.v, v) }
func (x *__atomic_Int64) CompareAndSwap(old, new int64) bool { return __atomic_cas(&x.v, old, new) }

type __atomic_Int32 struct {
	v int32
}

func (x *__atomic_Int32) Load() int32                        { return x.v }
func (x *__atomic_Int32) Store(v int32)                      { x.v = v }
func (x *__atomic_Int32) Add(d int32) int32                  { return __atomic_add(&x.v, d) }
func (x *__atomic_Int32) Swap(v int32) int32                 { return __atomic_swap(&x.v, v) }
func (x *__atomic_Int32) CompareAndSwap(old, new int32) bool { return __atomic_cas(&x.v, old, new) }

type __atomic_Uint64 struct {
	v uint64
}

func (x *__atomic_Uint64) Load() uint64                        { return x.v }
func (x *__atomic_Uint64) Store(v uint64)                      { x.v = v }
func (x *__atomic_Uint64) Add(d uint64) uint64                 { return __atomic_add(&x.v, d) }
func (x *__atomic_Uint64) Swap(v uint64) uint64                { return __atomic_swap(&x.v, v) }
func (x *__atomic_Uint64) CompareAndSwap(old, new uint64) bool { return __atomic_cas(&x.v, old, new) }

type __atomic_Uint32 struct {
	v uint32
}

func (x *__atomic_Uint32) Load() uint32                        { return x.v }
func (x *__atomic_Uint32) Store(v uint32)                      { x.v = v }
func (x *__atomic_Uint32) Add(d uint32) uint32                 { return __atomic_add(&x.v, d) }
func (x *__atomic_Uint32) Swap(v uint32) uint32                { return __atomic_swap(&x.v, v) }
func (x *__atomic_Uint32) CompareAndSwap(old, new uint32) bool { return __atomic_cas(&x.v, old, new) }

type __atomic_Bool struct {
	v bool
}

func (x *__atomic_Bool) Load() bool                        { return x.v }
func (x *__atomic_Bool) Store(v bool)                      { x.v = v }
func (x *__atomic_Bool) Swap(v bool) bool                  { return __atomic_swap(&x.v, v) }
func (x *__atomic_Bool) CompareAndSwap(old, new bool) bool { return __atomic_cas(&x.v, old, new) }

// errors.Is, As and Unwrap follow a chain through Unwrap methods written in
// Go as well as through fmt.Errorf's %w, and ask an error's own Is method.
func __errors_Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	for err != nil {
		if err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		err = __errors_Unwrap(err)
	}
	return false
}

func __errors_As(err error, target any) bool {
	return __errors_AsType(err, target, 0)
}

// A call errors.As(err, &x) comes here with the type of x when the
// compiler knows it: an interface variable holds no type while nil.
func __errors_AsType(err error, target any, ty int) bool {
	for err != nil {
		if __as_match(err, target, ty) {
			return true
		}
		err = __errors_Unwrap(err)
	}
	return false
}

func __errors_Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// sync.Locker and sync.Cond. Each waiter sleeps on a channel of its own,
// which Signal (the longest waiting one's) or Broadcast (every one's)
// closes. m guards the list of waiters: a goroutine can be preempted
// between any two instructions, and must not lose another's update.
type __sync_Locker interface {
	Lock()
	Unlock()
}

type __sync_Cond struct {
	L       __sync_Locker
	m       sync.Mutex
	waiters []chan struct{}
}

func __sync_NewCond(l __sync_Locker) *__sync_Cond {
	return &__sync_Cond{L: l}
}

func (c *__sync_Cond) Wait() {
	c.m.Lock()
	cond := make(chan struct{})
	c.waiters = append(c.waiters, cond)
	c.m.Unlock()
	c.L.Unlock()
	<-cond
	c.L.Lock()
}

func (c *__sync_Cond) Signal() {
	c.m.Lock()
	if len(c.waiters) > 0 {
		close(c.waiters[0])
		c.waiters = c.waiters[1:]
	}
	c.m.Unlock()
}

func (c *__sync_Cond) Broadcast() {
	c.m.Lock()
	for _, w := range c.waiters {
		close(w)
	}
	c.waiters = nil
	c.m.Unlock()
}

// sync.Map: a map of its own, behind a lock because a goroutine can be
// preempted between any two instructions. Range calls f with the lock
// released, on the keys there when it began, each as it is when reached
// (Go's need not be a snapshot either).
type __sync_Map struct {
	mu sync.Mutex
	m  map[any]any
}

func (m *__sync_Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return value, ok
}

func (m *__sync_Map) Store(key, value any) {
	m.Swap(key, value)
}

func (m *__sync_Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[any]any{}
	}
	previous, loaded = m.m[key]
	m.m[key] = value
	m.mu.Unlock()
	return previous, loaded
}

func (m *__sync_Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[any]any{}
	}
	actual, loaded = m.m[key]
	if !loaded {
		m.m[key] = value
		actual = value
	}
	m.mu.Unlock()
	return actual, loaded
}

func (m *__sync_Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return value, loaded
}

func (m *__sync_Map) Delete(key any) {
	m.LoadAndDelete(key)
}

func (m *__sync_Map) CompareAndSwap(key, old, new any) (swapped bool) {
	m.mu.Lock()
	cur, ok := m.m[key]
	if ok && cur == old {
		m.m[key] = new
		swapped = true
	}
	m.mu.Unlock()
	return swapped
}

func (m *__sync_Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	cur, ok := m.m[key]
	if ok && cur == old {
		delete(m.m, key)
		deleted = true
	}
	m.mu.Unlock()
	return deleted
}

func (m *__sync_Map) Clear() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}

func (m *__sync_Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	for k := range m.m {
		keys = append(keys, k)
	}
	m.mu.Unlock()
	for _, k := range keys {
		if v, ok := m.Load(k); ok && !f(k, v) {
			return
		}
	}
}

// rand.New and rand.NewSource: a generator of its own in Go, over a
// Source.
type __rand_Source interface {
	Int63() int64
	Seed(seed int64)
}

// rand.NewSource's source: the same seed gives the same numbers, as Go
// promises, so two generators made alike agree. (They are not Go's
// numbers: its generator is a table of 607 words.) A Rand draws from its
// source, the program's own Source too.
type __rand_source struct{ state int64 }

func (s *__rand_source) Int63() int64 {
	s.state += -7046029254386353131
	return __mix(s.state) & 0x7fffffffffffffff
}

func (s *__rand_source) Seed(seed int64) { s.state = seed }

func __rand_NewSource(seed int64) __rand_Source { return &__rand_source{seed} }

type __rand_Rand struct{ src __rand_Source }

func __rand_New(src __rand_Source) *__rand_Rand { return &__rand_Rand{src} }

// Go 1.19's own ways from Int63 to the rest, so a program's own Source
// gives what it gives in Go.
func (r *__rand_Rand) Int63() int64 { return r.src.Int63() }
func (r *__rand_Rand) Int() int     { return int(r.src.Int63()) }
func (r *__rand_Rand) Int31() int32 { return int32(r.src.Int63() >> 32) }
func (r *__rand_Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	max := int64(1<<63-1) - (int64(1<<63-1)%n+1)%n
	v := r.Int63()
	for v > max {
		v = r.Int63()
	}
	return v % n
}
func (r *__rand_Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	max := int32(1<<31-1) - (int32(1<<31-1)%n+1)%n
	v := r.Int31()
	for v > max {
		v = r.Int31()
	}
	return v % n
}
func (r *__rand_Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= 1<<31-1 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}
func (r *__rand_Rand) Float64() float64 {
	for {
		f := float64(r.Int63()) / (1 << 63)
		if f < 1 {
			return f
		}
	}
}
func (r *__rand_Rand) Seed(seed int64)  { r.src.Seed(seed) }
func (r *__rand_Rand) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, r.Intn(i+1))
	}
}
func (r *__rand_Rand) Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		j := r.Intn(i + 1)
		p[i] = p[j]
		p[j] = i
	}
	return p
}
