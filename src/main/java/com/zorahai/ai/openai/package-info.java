/** Extraction through OpenAI chat completions with structured outputs (openai-java). */
package com.zorahai.ai.openai;
