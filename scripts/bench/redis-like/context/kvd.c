/* A tiny stand-in for redis-server: prints its version and exits (the benchmark only builds it). */
#include <stdio.h>

int main(void) {
    puts("kvd 1.0");
    return 0;
}
