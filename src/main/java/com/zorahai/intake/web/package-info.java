/**
 * The intake API: the review queue of requests that need a person, approving them with corrections, rejecting them,
 * and the parser's correction figures.
 */
package com.zorahai.intake.web;
