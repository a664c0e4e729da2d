/** How the assistant reads messages, keeps conversation state, answers with or without a model, and hands over. */
package com.zorahai.assistant.internal;
