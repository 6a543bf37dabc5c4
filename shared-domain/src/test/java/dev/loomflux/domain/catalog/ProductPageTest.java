package dev.loomflux.domain.catalog;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductPageTest {

	@Test
	void shouldPointTheCursorAtTheLastItemWhenAnotherPageFollows() {
		ProductPage page = ProductPage.of(products(1, 4), 3);

		assertThat(page.items()).extracting(Product::id).containsExactly(1L, 2L, 3L);
		assertThat(page.nextCursor()).isEqualTo("3");
	}

	@Test
	void shouldEndWithoutACursorOnTheLastPage() {
		assertThat(ProductPage.of(products(1, 3), 3).nextCursor()).isNull();
		assertThat(ProductPage.of(List.of(), 3)).isEqualTo(new ProductPage(List.of(), null));
	}

	private static List<Product> products(long first, long last) {
		return LongStream.rangeClosed(first, last)
			.mapToObj((id) -> new Product(id, "SKU-" + id, "name", "description", "books", 100, 1))
			.toList();
	}

}
