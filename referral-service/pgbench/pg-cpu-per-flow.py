# Runs pgbench with referral-flow.sql against each database named and prints PostgreSQL's CPU per flow
# (the postmaster and all its children, backends that exit included, polled from /proc every 0.1 s).
# usage: python3 pg-cpu-per-flow.py <seconds> <db> [<db> ...]   (server on 127.0.0.1:55432, its data directory in $PGDATA)
import os, sys, subprocess, re, time, threading
tck = os.sysconf("SC_CLK_TCK"); pm = int(open(os.environ.get("PGDATA", "/tmp/p6/pg/data") + "/postmaster.pid").readline())
def snap():
    r = {}
    for p in os.listdir("/proc"):
        if not p.isdigit(): continue
        try:
            st = open(f"/proc/{p}/stat").read(); f = st[st.rindex(")")+2:].split()
            if int(p) == pm or int(f[1]) == pm: r[(int(p), f[19])] = (int(f[11]) + int(f[12])) / tck
        except Exception: pass
    return r
for db in sys.argv[2:]:
    start = snap(); last = dict(start); done = False
    def poll():
        while not done:
            last.update(snap()); time.sleep(0.1)
    th = threading.Thread(target=poll); th.start()
    out = subprocess.run(["pgbench", "-n", "-M", "simple", "-h", "127.0.0.1", "-p", "55432", "-U", "postgres", "-c", "4", "-j", "1", "-T", sys.argv[1], "-f", os.path.join(os.path.dirname(os.path.abspath(__file__)), "referral-flow.sql"), db], capture_output=True, text=True).stdout
    done = True; th.join(); last.update(snap())
    cpu = sum(v - start.get(k, 0) for k, v in last.items())
    n = int(re.search(r"number of transactions actually processed: (\d+)", out).group(1))
    print(f"{time.strftime('%H:%M:%S', time.gmtime())} {db:5s} flows {n:6d}  PG CPU {cpu:6.2f} s  {1000*cpu/n:.3f} ms/flow  load {open('/proc/loadavg').read().split()[0]}", flush=True)
