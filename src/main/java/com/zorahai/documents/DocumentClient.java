package com.zorahai.documents;

/**
 * Who a quote or an invoice is addressed to.
 *
 * @param address a postal address, lines separated by {@code \n}; may be null
 */
public record DocumentClient(String name, String email, String phone, String address) {
}
