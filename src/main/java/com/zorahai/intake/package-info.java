/**
 * Intake: what happens to an inbound email once it is stored. The email is read into a travel request by the
 * {@code ai} extractor and handled by its classification: a new travel request becomes a client and a priced draft
 * quote (or a review item when the reading is not confident), a reply lands on its quote's timeline (a change request
 * becomes a review item), a support request is announced for a ticket, automated mail and spam are kept and left.
 */
@ApplicationModule(allowedDependencies = {"platform", "tenancy", "identity", "ai", "email", "crm", "quoting"})
package com.zorahai.intake;

import org.springframework.modulith.ApplicationModule;
