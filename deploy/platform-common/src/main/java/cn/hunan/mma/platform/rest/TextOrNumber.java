package cn.hunan.mma.platform.rest;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string field of a request body that also takes a JSON number, as the characters the client wrote: an amount kept
 * as text ({@code "budget": 1000000.00} reads "1000000.00") where the contract allows either. Every other string
 * field refuses a number ({@link StrictTextJson}). Booleans, arrays and objects are refused here too.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = TextOrNumber.Reader.class)
public @interface TextOrNumber {

    /** Jackson's reader for the annotated field: an amount's reading, keeping the client's characters as the text. */
    final class Reader extends AmountFromJson<String> {

        public Reader() {
            super(String.class, text -> text);
        }
    }
}
