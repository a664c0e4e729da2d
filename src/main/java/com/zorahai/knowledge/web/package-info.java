/** The knowledge API under {@code /api/v1/knowledge}. */
package com.zorahai.knowledge.web;
