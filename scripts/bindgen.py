#!/usr/bin/env python3
"""Prints the jextract-shaped downcall holders for the functions of one vlarl shim header.

    python3 scripts/bindgen.py native/torch/vlarl_torch.h VlarlTorch vlarl_torch vt_

jextract is not available here; this covers the mechanical part for our own plain C
headers (scalars and pointers only: no structs by value, no varargs). Paste the output
into the binding class between its hand-written head (layouts, library lookup, checked
helpers) and review it. Struct layouts never come from here: they are read from the
shims at run time (offsetof exported by the shim), see bindings/README.md.
"""
import re, sys

hdr, cls, lib, prefix = sys.argv[1:5]
src=open(hdr).read()
src=re.sub(r'/\*.*?\*/','',src,flags=re.S)
protos=re.findall(r'^((?:const )?[\w\s\*]+?)\s*\b(%s\w+)\s*\(([^;{]*?)\);'%prefix, src, flags=re.M|re.S)
J={'int':'C_INT','int32_t':'C_INT','int64_t':'C_LONG','uint64_t':'C_LONG','uint32_t':'C_INT','double':'C_DOUBLE','float':'C_FLOAT','size_t':'C_LONG','void':None}
JT={'C_INT':'int','C_LONG':'long','C_DOUBLE':'double','C_FLOAT':'float','C_POINTER':'MemorySegment'}
def jl(t):
    t=t.replace('const','').strip()
    if '*' in t: return 'C_POINTER'
    return J[t.split()[-1]]
out=[]
for ret,name,args in protos:
    ret=' '.join(ret.split())
    a=[x.strip() for x in ' '.join(args.split()).split(',') if x.strip() and x.strip()!='void']
    params=[]
    for x in a:
        m=re.match(r'(.*?)(\w+)$',x); t,n=m.group(1).strip(),m.group(2)
        params.append((jl(t),n))
    r=jl(ret)
    desc=('FunctionDescriptor.of(%s%s)'%(cls+'.'+r, ''.join(', '+cls+'.'+p for p,_ in params))) if r else ('FunctionDescriptor.ofVoid(%s)'%', '.join(cls+'.'+p for p,_ in params))
    sig=', '.join('%s %s'%(JT[p],n) for p,n in params)
    call=', '.join(n for _,n in params)
    rj=JT[r] if r else 'void'
    csig=' '.join((ret+' '+name+'('+', '.join(a)+')').split())
    out.append(f'''
    private static final class {name} {{
        static final FunctionDescriptor DESC = {desc};
        static final MemorySegment ADDR = findOrThrow("{name}");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }}

    /**
     * {{@snippet lang=c :
     * {csig}
     * }}
     */
    public static {rj} {name}({sig}) {{
        var mh$ = {name}.HANDLE;
        try {{
            {'return ('+rj+') ' if r else ''}mh$.invokeExact({call});
        }} catch (Error | RuntimeException ex) {{
            throw ex;
        }} catch (Throwable ex$) {{
            throw new AssertionError("should not reach here", ex$);
        }}
    }}''')
print('\n'.join(out))
