// Resource limits of one sandboxed program, read by the wrapper script and the runner. The
// wall-clock limit is each case's `timeoutS` (default DEFAULT_CODE_TIMEOUT_S in src/suite/to-case.ts).

/** Output kept per stream (stdout, stderr); a program that writes more is killed. 1 MiB. */
export const OUTPUT_LIMIT_BYTES = 1024 * 1024;

/**
 * Address space of each process (RLIMIT_AS), in bytes. Node.js 20 starts and runs under 2 GiB
 * (measured with `ulimit -v 2097152` on x86_64 Linux). A larger allocation gets MemoryError in
 * Python and a fatal out-of-memory error in Node.js.
 * NOTE: the limit is per process. PROCESS_LIMIT processes that each allocate close to it are not
 * stopped by it, and only a memory cgroup would bound their sum.
 */
export const MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024;

/** V8 old-space limit for Node.js programs, in MiB, so a JavaScript heap runs out before RLIMIT_AS does. */
export const NODE_HEAP_LIMIT_MIB = 1024;

/**
 * Processes and threads of the sandbox user (RLIMIT_NPROC), which bounds a fork bomb. Node.js alone
 * starts about 11 threads. The kernel does not apply this limit to root, so it holds only when the
 * program runs under a dedicated uid or in a user namespace (see `isolation.ts`).
 */
export const PROCESS_LIMIT = 64;

/**
 * Size of each file the program writes (RLIMIT_FSIZE), in bytes; a larger write gets SIGXFSZ.
 * It matters when the work folder is on disk, i.e. without the private tmpfs.
 */
export const FILE_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Size of the private tmpfs that contains the work folder inside the sandbox, in MiB. */
export const WORK_TMPFS_MIB = 256;

/** Size of each private tmpfs over the other world-writable folders (`/var/tmp`, `/dev/shm`, `/run/lock`), in MiB. */
export const SCRATCH_TMPFS_MIB = 16;

/** Open file descriptors per process (RLIMIT_NOFILE). */
export const OPEN_FILES_LIMIT = 256;

/**
 * First uid (and gid) of the range that sandboxed programs run as when the runner is root. Each
 * runner process owns a block of SANDBOX_UIDS_PER_PROCESS uids chosen by its PID (see
 * `sandboxUidBlock`). Each program running at the same time gets its own uid of that block, so one
 * program's fork bomb cannot use up the RLIMIT_NPROC count of another program, in the same runner
 * or in another runner on the machine. The range ends below 2^31, far above the uids of regular
 * accounts and of Debian's `nobody` (65534). Files these uids create live only in the work folder,
 * which is removed after each run.
 */
export const SANDBOX_UID_BASE = 1_800_000_000;

/** Uids in one runner process's block, and so the most programs it can run at the same time. */
export const SANDBOX_UIDS_PER_PROCESS = 64;

/** Linux's largest possible PID plus one (PID_MAX_LIMIT on 64-bit kernels), so PIDs of live processes map to distinct blocks. */
export const PID_MAX_LIMIT = 4_194_304;

/** First uid of the block that belongs to the process with this PID. */
export function sandboxUidBlock(pid: number): number {
  return SANDBOX_UID_BASE + (pid % PID_MAX_LIMIT) * SANDBOX_UIDS_PER_PROCESS;
}

/** Characters of standard error kept for a failure reason. */
export const ERROR_TAIL_CHARS = 300;
