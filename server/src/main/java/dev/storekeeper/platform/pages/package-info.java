/**
 * What every public HTML page shares: the answer of a page ({@code Pages}), what a page
 * tells the one layout ({@code PageLayout}), and seller HTML in sandboxed frames
 * ({@code SellerHtml}). The templates themselves are in {@code server/src/main/jte}, the
 * layout and design system in {@code jte/layout}.
 */
@NullMarked
@NamedInterface("pages")
package dev.storekeeper.platform.pages;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
