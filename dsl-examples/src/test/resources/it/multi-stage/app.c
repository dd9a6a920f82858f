/* The multi-stage example's application: a static binary that greets. */
#include <stdio.h>

int main(void) {
    puts("hello from a static binary");
    return 0;
}
