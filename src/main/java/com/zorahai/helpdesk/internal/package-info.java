/** Helpdesk sessions, grounded answers, public access and hand-over. */
package com.zorahai.helpdesk.internal;
