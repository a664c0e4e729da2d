/**
 * The web edge shared by every module: problem details for every error, request ids and timing headers, the error
 * page and the OpenAPI description.
 */
package com.zorahai.platform.web;
