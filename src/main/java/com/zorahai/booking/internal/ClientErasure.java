package com.zorahai.booking.internal;

import com.zorahai.crm.ClientErasureRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Erases a client's personal data from bookings when the CRM erases the client: names, phones and notes of their
 * appointments and waitlist entries are blanked; the appointments themselves (times, services, prices) stay.
 */
@Component
class ClientErasure {

    private static final Logger log = LoggerFactory.getLogger(ClientErasure.class);

    private final AppointmentStore appointments;
    private final WaitlistStore waitlist;

    ClientErasure(AppointmentStore appointments, WaitlistStore waitlist) {
        this.appointments = appointments;
        this.waitlist = waitlist;
    }

    @ApplicationModuleListener
    void on(ClientErasureRequested event) {
        int rows = appointments.eraseClient(event.tenantId(), event.clientId());
        int entries = waitlist.eraseClient(event.tenantId(), event.clientId());
        log.info("Erased the client's data from {} appointment(s) and {} waitlist entr(ies)", rows, entries);
    }
}
