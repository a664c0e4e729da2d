/**
 * How clients and their timelines are kept: validation and normalisation of contact data, the tables, upsert and
 * merge rules, erasure, exports, and the listener that records interactions published by other modules.
 */
package com.zorahai.crm.internal;
