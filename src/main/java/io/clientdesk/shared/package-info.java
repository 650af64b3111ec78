/**
 * What every module may use: identifiers, the exceptions that the API answers as problem
 * details, and how an instant is written for programs. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.clientdesk.shared;
