/** The assistant's dashboard API: its settings and the questions it could not answer. */
package com.zorahai.assistant.web;
