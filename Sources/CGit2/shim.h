// libgit2 (Debian's libgit2-dev), for reading message blobs in-process (InboxReader's PackReading).
#ifndef LORE_DIGEST_CGIT2_SHIM_H
#define LORE_DIGEST_CGIT2_SHIM_H

#include <git2.h>

// git_libgit2_opts is variadic, which Swift cannot call: one fixed-type wrapper per value type.
static inline int lore_git2_set_int_option(int option, int value) {
    return git_libgit2_opts(option, value);
}

static inline int lore_git2_set_size_option(int option, size_t value) {
    return git_libgit2_opts(option, value);
}

#endif
