package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PagingProperties {

    /** Reading pages 1, 2, ... while there is a next one reads every item of the list exactly once, in order. */
    @Property(tries = 300)
    void followingNextPagesReadsTheWholeListOnce(@ForAll @IntRange(max = 2_500) int total, @ForAll @IntRange(min = 1, max = 1000) int size) {
        List<Long> list = LongStream.range(0, total).boxed().toList();
        List<Long> read = new ArrayList<>();
        Paging paging = Paging.first(size);
        while (true) {
            int from = (int) Math.min(paging.offset(), total);
            Page<Long> page = new Page<>(list.subList(from, Math.min(from + size, total)), total, paging);
            read.addAll(page.items());
            assertThat(page.items().size()).isLessThanOrEqualTo(size);
            if (!page.hasNext()) {
                assertThat(paging.page()).isEqualTo(page.lastPage());
                break;
            }
            paging = new Paging(paging.page() + 1, size);
        }
        assertThat(read).isEqualTo(list);
    }

    @Example
    void aPageOrASizeOutOfRangeIsRefusedNamingItsField() {
        for (int page : new int[] {0, -1, 1_000_001}) {
            assertThatThrownBy(() -> new Paging(page, 10)).isInstanceOfSatisfying(InvalidFieldException.class,
                    refused -> assertThat(refused.field()).contains("page"));
        }
        for (long size : new long[] {0, -5, Paging.MAX_SIZE + 1, 99_999_999_999L}) {
            assertThatThrownBy(() -> Paging.of(1L, size)).isInstanceOfSatisfying(InvalidFieldException.class,
                    refused -> assertThat(refused.field()).contains("size"));
        }
        assertThatThrownBy(() -> Paging.of(99_999_999_999L, null)).isInstanceOfSatisfying(InvalidFieldException.class,
                refused -> assertThat(refused.field()).contains("page"));
        assertThat(Paging.of((Long) null, null)).isEqualTo(new Paging(1, Paging.DEFAULT_SIZE));
        assertThat(new Paging(1_000_000, Paging.MAX_SIZE).offset()).isEqualTo(999_999_000L);
        assertThat(new Page<>(List.of(), 0, Paging.first(10)).lastPage()).as("an empty list has one (empty) page").isEqualTo(1);
    }
}
